import Link from "next/link";
import { z } from "zod";
import { pageActor } from "@/lib/auth/session";
import { InvalidUserCursorError, listUsers } from "@/lib/db/user-list";
import { PERSONA_PRIORITY, PERSONAS } from "@/lib/core/personas";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PersonaBadge } from "@/components/operator/persona-badge";
import { Pager } from "@/components/operator/pager";

export const metadata = { title: "Users · SpendSense operator" };

const Query = z.object({
  q: z.string().trim().max(200, "is longer than 200 characters").optional(),
  persona: z.enum([...PERSONA_PRIORITY, "none"], { error: (i) => `"${String(i.input)}" is not a persona` }).optional(),
  after: z.string().max(600, "is not a page position").optional(),
  before: z.string().max(600, "is not a page position").optional(),
});

function parseQuery(params: Record<string, string | string[] | undefined>) {
  const flat = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, Array.isArray(v) ? v[v.length - 1] : v]).filter(([, v]) => v));
  const r = Query.safeParse(flat);
  return r.success ? { ok: true as const, query: r.data } : { ok: false as const, error: r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ") };
}

function href(params: { q?: string; persona?: string; after?: string; before?: string }) {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.persona) sp.set("persona", params.persona);
  if (params.after) sp.set("after", params.after);
  if (params.before) sp.set("before", params.before);
  const s = sp.toString();
  return s ? `/operator?${s}` : "/operator";
}

type UserListPage = Awaited<ReturnType<typeof listUsers>>;
type Filters = { q?: string; persona?: z.infer<typeof Query>["persona"] };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor(["operator"], "/operator");
  const parsed = parseQuery(await searchParams);
  if (!parsed.ok) return <BadQuery message={`The address asks for a list this page cannot show (${parsed.error}).`} />;
  const query = parsed.query;
  const filters: Filters = { q: query.q || undefined, persona: query.persona };
  let list: UserListPage;
  try {
    list = await listUsers(actor, { ...filters, after: query.after, before: query.before });
  } catch (e) {
    if (e instanceof InvalidUserCursorError) return <BadQuery message={`The page position in the address is not valid (${e.message}).`} />;
    throw e;
  }
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Users</h1>
        <UserFilters filters={filters} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {list.more ? "More than " : ""}
        {list.total.toLocaleString("en-US")} {list.total === 1 && !list.more ? "customer" : "customers"}
        {filters.q || filters.persona ? " match" : ""}
      </p>
      <UsersTable users={list.users} />
      <Pager
        label="Pagination"
        first={list.prev ? href(filters) : null}
        prev={list.prev ? href({ ...filters, before: list.prev }) : null}
        next={list.next ? href({ ...filters, after: list.next }) : null}
      />
    </div>
  );
}

function UserFilters({ filters }: { filters: Filters }) {
  return (
    <form role="search" aria-label="Filter users" action="/operator" className="flex flex-wrap items-end gap-2">
      <label className="text-sm font-medium">
        Search
        <input name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Name, email or id" className="mt-1 block w-56 rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal" />
      </label>
      <label className="text-sm font-medium">
        Persona
        <select name="persona" defaultValue={filters.persona ?? ""} className="mt-1 block rounded border border-slate-300 bg-white px-2 py-1.5 text-sm font-normal">
          <option value="">Any</option>
          {PERSONA_PRIORITY.map((id) => (
            <option key={id} value={id}>
              {PERSONAS[id].name}
            </option>
          ))}
          <option value="none">No persona</option>
        </select>
      </label>
      <Button type="submit" size="sm">
        Apply
      </Button>
    </form>
  );
}

function UsersTable({ users }: { users: UserListPage["users"] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">Customers</caption>
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">Name</th>
            <th scope="col" className="px-3 py-2 font-medium">Email</th>
            <th scope="col" className="px-3 py-2 font-medium">Consent</th>
            <th scope="col" className="px-3 py-2 font-medium">30d persona</th>
            <th scope="col" className="px-3 py-2 font-medium">180d persona</th>
            <th scope="col" className="px-3 py-2 text-right font-medium">Pending</th>
          </tr>
        </thead>
        <tbody>
          {users.map((u) => (
            <UserRow key={u.id} u={u} />
          ))}
          {users.length === 0 ? (
            <tr>
              <td colSpan={6} className="px-3 py-6 text-center text-slate-500">
                No customers match.
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}

function UserRow({ u }: { u: UserListPage["users"][number] }) {
  return (
    <tr className="border-t border-slate-100 hover:bg-slate-50">
      <td className="px-3 py-2">
        <Link href={`/operator/users/${encodeURIComponent(u.id)}`} className="font-medium text-teal-800 hover:underline">
          {u.name}
        </Link>
        <div className="text-xs text-slate-500">{u.id}</div>
      </td>
      <td className="px-3 py-2 text-slate-700">{u.email}</td>
      <td className="px-3 py-2">{u.consentGranted ? <Badge tone="teal">granted</Badge> : <Badge>not granted</Badge>}</td>
      <td className="px-3 py-2">{u.consentGranted || u.persona30d ? <PersonaBadge id={u.persona30d} /> : <span className="text-slate-500">n/a</span>}</td>
      <td className="px-3 py-2">{u.consentGranted || u.persona180d ? <PersonaBadge id={u.persona180d} /> : <span className="text-slate-500">n/a</span>}</td>
      <td className="px-3 py-2 text-right tabular-nums">{u.pendingCount > 0 ? <Badge tone="amber">{u.pendingCount}</Badge> : "0"}</td>
    </tr>
  );
}

function BadQuery({ message }: { message: string }) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Users</h1>
      <p role="alert" className="rounded border border-rose-200 bg-rose-50 p-4 text-sm text-rose-800">
        {message}
      </p>
      <Link href="/operator" className="text-teal-800 hover:underline">
        Show every customer
      </Link>
    </div>
  );
}

