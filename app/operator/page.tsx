import Link from "next/link";
import { z } from "zod";
import { pageActor } from "@/lib/auth/session";
import { listUsers } from "@/lib/db/user-list";
import { PERSONA_PRIORITY, PERSONAS } from "@/lib/core/personas";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { PersonaBadge } from "@/components/operator/persona-badge";

export const metadata = { title: "Users · SpendSense operator" };

const Query = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  persona: z.enum([...PERSONA_PRIORITY, "none"]).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).optional().catch(undefined),
});

function href(params: { q?: string; persona?: string; page?: number }) {
  const sp = new URLSearchParams();
  if (params.q) sp.set("q", params.q);
  if (params.persona) sp.set("persona", params.persona);
  if (params.page && params.page > 1) sp.set("page", String(params.page));
  const s = sp.toString();
  return s ? `/operator?${s}` : "/operator";
}

type UserListPage = Awaited<ReturnType<typeof listUsers>>;
type Filters = { q?: string; persona?: z.infer<typeof Query>["persona"] };

export default async function UsersPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await pageActor(["operator"], "/operator");
  const query = Query.parse(await searchParams);
  const filters: Filters = { q: query.q || undefined, persona: query.persona };
  const list = await listUsers(actor, { ...filters, page: query.page });
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <h1 className="text-2xl font-semibold">Users</h1>
        <UserFilters filters={filters} />
      </div>
      <p className="text-sm text-slate-600" aria-live="polite">
        {list.total} {list.total === 1 ? "customer" : "customers"}
        {filters.q || filters.persona ? " match" : ""}
      </p>
      <UsersTable users={list.users} />
      <Pagination filters={filters} page={list.page} pages={Math.max(1, Math.ceil(list.total / list.pageSize))} />
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

function Pagination({ filters, page, pages }: { filters: Filters; page: number; pages: number }) {
  return (
    <nav aria-label="Pagination" className="flex items-center justify-between text-sm">
      <span className="text-slate-600">
        Page {page} of {pages}
      </span>
      <div className="flex gap-2">
        {page > 1 ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={href({ ...filters, page: page - 1 })}>Previous</Link>
          </Button>
        ) : null}
        {page < pages ? (
          <Button asChild variant="secondary" size="sm">
            <Link href={href({ ...filters, page: page + 1 })}>Next</Link>
          </Button>
        ) : null}
      </div>
    </nav>
  );
}
