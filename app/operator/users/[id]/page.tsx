import Link from "next/link";
import { notFound } from "next/navigation";
import { currentActor, pageActor } from "@/lib/auth/session";
import { getUserDetail } from "@/lib/db/user-detail";
import { getChatTranscript } from "@/lib/db/chat";
import { customerAccess } from "@/lib/db/user-status";
import type { UserDetail } from "@/lib/types/views";
import { WINDOW_IDS, type WindowId } from "@/lib/core/signals/types";
import { NotFoundError } from "@/lib/db/actor";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { PersonaBadge, personaName } from "@/components/operator/persona-badge";
import { describeLoggedAction } from "@/lib/core/console/labels";
import { PersonaPanel } from "@/components/operator/persona-panel";
import { SignalsPanel } from "@/components/operator/signals-panel";
import { RecommendationCard } from "@/components/operator/recommendation-card";
import { AccessCard } from "@/components/operator/access-card";
import { dateTime, usd } from "@/components/operator/format";
import { ChatTranscript } from "@/components/operator/chat-transcript";
import { FeedbackCard } from "@/components/operator/feedback-card";
import { listFeedback } from "@/lib/db/feedback";
import type { FeedbackView } from "@/lib/types/views";
import { reviewCount } from "@/lib/db/review-queue";
import { BulkDecision } from "@/components/operator/bulk-decision";

export const metadata = { title: "User · SpendSense operator" };

type Loaded = UserDetail & { disabledAt: Date | null; feedback: FeedbackView[]; pending: { count: number; viewedAt: string } };

async function load(id: string): Promise<Loaded> {
  const actor = await pageActor(["operator"], `/operator/users/${encodeURIComponent(id)}`);
  try {
    const [detail, access, feedback, pending] = await Promise.all([
      getUserDetail(actor, id), customerAccess(actor, id), listFeedback(actor, id), reviewCount(actor, { status: "pending", user: id }),
    ]);
    return { ...detail, disabledAt: access.disabledAt, feedback, pending };
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
}

async function loadTranscript(id: string) {
  const actor = await currentActor();
  return actor ? getChatTranscript(actor, id) : [];
}

function WindowContent({ d, w }: { d: UserDetail; w: "30d" | "180d" }) {
  const win = d.windows[w];
  const recs = d.recommendations.filter((r) => r.window === w);
  return (
    <div className="space-y-6">
      <section aria-labelledby={`personas-${w}`}>
        <h3 id={`personas-${w}`} className="mb-2 text-base font-semibold">
          Personas ({w})
        </h3>
        <PersonaPanel userId={d.user.id} window={w} asOf={d.asOf} persona={win.persona} />
      </section>
      <section aria-labelledby={`recs-${w}`}>
        <h3 id={`recs-${w}`} className="mb-2 text-base font-semibold">
          Recommendations ({w})
        </h3>
        {recs.length ? (
          <div className="space-y-3">
            {recs.map((r) => (
              <RecommendationCard key={r.id} rec={r} />
            ))}
          </div>
        ) : (
          <p className="text-sm text-slate-500">No recommendations for this window.</p>
        )}
      </section>
      <section aria-labelledby={`signals-${w}`}>
        <h3 id={`signals-${w}`} className="mb-2 text-base font-semibold">
          Signals ({w})
        </h3>
        {win.signals ? <SignalsPanel s={win.signals} /> : <p className="text-sm text-slate-500">No signals computed for this window.</p>}
      </section>
    </div>
  );
}

/** The window shown: `?window=180d`, else the 30-day window (one window is rendered at a time). */
function shownWindow(raw: string | string[] | undefined): WindowId {
  return (WINDOW_IDS as readonly string[]).includes(String(raw)) ? (raw as WindowId) : "30d";
}

const WINDOW_LABEL: Record<WindowId, string> = { "30d": "30 days", "180d": "180 days" };

/** Links between the windows (each a page of its own: a user page renders one window's personas, recommendations and signals). */
function WindowNav({ userId, shown }: { userId: string; shown: WindowId }) {
  return (
    <nav aria-label="Window" className="mb-4 flex gap-1 border-b border-slate-200">
      {WINDOW_IDS.map((w) => (
        <Link
          key={w}
          href={`/operator/users/${encodeURIComponent(userId)}${w === "30d" ? "" : `?window=${w}`}`}
          aria-current={w === shown ? "page" : undefined}
          scroll={false}
          className="-mb-px rounded-t border-b-2 border-transparent px-4 py-2 text-sm font-medium text-slate-600 hover:text-slate-900 aria-[current=page]:border-teal-700 aria-[current=page]:text-teal-800"
        >
          {WINDOW_LABEL[w]}
        </Link>
      ))}
    </nav>
  );
}

export default async function UserDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { id } = await params;
  const shown = shownWindow((await searchParams).window);
  const d = await load(decodeURIComponent(id));
  const transcript = await loadTranscript(d.user.id);
  const u = d.user;
  return (
    <div className="space-y-6">
      <p className="text-sm">
        <Link href="/operator" className="text-teal-800 hover:underline">
          ← Users
        </Link>
      </p>
      <UserHeader d={d} />
      <AccountsCard accounts={d.accounts} />
      <ReviewUserCard d={d} />

      <Card aria-label="Windows">
        {d.asOf ? (
          <>
            <WindowNav userId={u.id} shown={shown} />
            <section aria-label={`Window: ${WINDOW_LABEL[shown]}`}>
              <WindowContent d={d} w={shown} />
            </section>
          </>
        ) : (
          <p className="text-sm text-slate-600">{u.consentGranted ? "The pipeline has not run for this customer yet." : "No consent: nothing is computed for this customer."}</p>
        )}
      </Card>

      <AccessCard userId={u.id} disabledAt={d.disabledAt?.toISOString() ?? null} />

      <FeedbackCard feedback={d.feedback} />

      <div className="grid gap-6 md:grid-cols-2">
        <OperatorActionsCard d={d} />
        <ConsentHistoryCard events={d.consentEvents} />
      </div>
      <ChatTranscript turns={transcript} />
    </div>
  );
}

/** Who the customer is, and their state at a glance: access, consent, as-of date, persona of each window. */
function UserHeader({ d }: { d: UserDetail & { disabledAt: Date | null } }) {
  const u = d.user;
  return (
    <header className="flex flex-wrap items-start justify-between gap-4">
      <div>
        <h1 className="text-2xl font-semibold">{u.name}</h1>
        <p className="text-sm text-slate-600">
          {u.email} · <code>{u.id}</code>
        </p>
        <p className="mt-1 text-xs text-slate-500">
          {[u.ageBand && `age ${u.ageBand}`, u.incomeTier && `income ${u.incomeTier}`, u.region].filter(Boolean).join(" · ") || "No demographics"}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        {d.disabledAt ? <Badge tone="rose">account disabled</Badge> : null}
        {u.consentGranted ? <Badge tone="teal">consent granted</Badge> : <Badge>consent not granted</Badge>}
        <span className="text-slate-600">as of {d.asOf ?? "n/a"}</span>
        <PersonaBadge id={d.windows["30d"].persona?.primary} window="30d" overridden={d.windows["30d"].persona?.overridden} />
        <PersonaBadge id={d.windows["180d"].persona?.primary} window="180d" overridden={d.windows["180d"].persona?.overridden} />
      </div>
    </header>
  );
}

/** The customer's whole pending set, approved or rejected in one decision (the same action as the queue's). */
function ReviewUserCard({ d }: { d: Loaded }) {
  const n = d.pending.count;
  return (
    <Card aria-labelledby="review-user-title">
      <CardTitle id="review-user-title">Review</CardTitle>
      {n > 0 ? (
        <div className="space-y-2 text-sm">
          <p>
            {n} {n === 1 ? "suggestion waits" : "suggestions wait"} for review (both windows).{" "}
            <Link href={`/operator/review?user=${encodeURIComponent(d.user.id)}&sort=user`} className="text-teal-800 underline hover:no-underline">
              Open them in the queue
            </Link>
          </p>
          <BulkDecision filter={{ status: "pending", user: d.user.id }} count={n} viewedAt={d.pending.viewedAt} scope={`every pending suggestion of ${d.user.name}, both windows`} />
        </div>
      ) : (
        <p className="text-sm text-slate-500">Nothing waits for review.</p>
      )}
    </Card>
  );
}

function AccountsCard({ accounts }: { accounts: UserDetail["accounts"] }) {
  return (
    <Card aria-labelledby="accounts-title">
      <CardTitle id="accounts-title">Accounts</CardTitle>
      {accounts.length ? (
        <ul className="grid gap-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {accounts.map((a) => (
            <li key={a.id} className="rounded border border-slate-100 px-3 py-2">
              <div className="font-medium">
                {a.name} {a.mask ? <span className="text-slate-500">••{a.mask}</span> : null}
              </div>
              <div className="text-xs text-slate-500">
                {a.type}
                {a.subtype ? ` / ${a.subtype}` : ""}
                {a.holderCategory === "business" ? " · business (excluded from signals)" : ""} · balance {usd(a.currentCents)}
                {a.limitCents !== null ? ` · limit ${usd(a.limitCents)}` : ""}
              </div>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No accounts.</p>
      )}
    </Card>
  );
}

/** The operators' audit trail on this customer: each action, by whom, the recommendation it touched, before → after. */
function OperatorActionsCard({ d }: { d: UserDetail }) {
  return (
    <Card aria-labelledby="audit-title">
      <CardTitle id="audit-title">Operator actions</CardTitle>
      {d.actions.length ? (
        <ul className="space-y-2 text-sm">
          {d.actions.map((a) => {
            const logged = (v: unknown) => (v && typeof v === "object" ? (v as Record<string, unknown>) : null);
            return (
              <li key={a.id} className="border-b border-slate-100 pb-2">
                <div className="flex flex-wrap items-center gap-2">
                  <Badge tone={a.action === "approve" ? "teal" : a.action === "flag" ? "rose" : a.action === "override" ? "violet" : "neutral"}>{a.action}</Badge>
                  <span className="text-xs text-slate-500">
                    {dateTime(a.at)} by {a.operatorName}
                  </span>
                </div>
                <p className="mt-1 text-sm text-slate-700">{describeLoggedAction(logged(a.before), logged(a.after), (p) => (p ? personaName(p) : "no persona"))}</p>
                <details className="mt-1 text-xs text-slate-500">
                  <summary className="cursor-pointer select-none">details</summary>
                  <code className="break-all">{JSON.stringify(a.before)}</code> → <code className="break-all">{JSON.stringify(a.after)}</code>
                </details>
                {a.note ? <p className="mt-1 text-sm">Note: {a.note}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No operator actions yet.</p>
      )}
    </Card>
  );
}

function ConsentHistoryCard({ events }: { events: UserDetail["consentEvents"] }) {
  return (
    <Card aria-labelledby="consent-title">
      <CardTitle id="consent-title">Consent history</CardTitle>
      {events.length ? (
        <ul className="space-y-1 text-sm">
          {events.map((e, i) => (
            <li key={i} className="flex flex-wrap items-center gap-2">
              {e.granted ? <Badge tone="teal">granted</Badge> : <Badge tone="rose">revoked</Badge>}
              <span className="text-xs text-slate-500">
                {dateTime(e.at)} · {e.source}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No consent events recorded.</p>
      )}
    </Card>
  );
}
