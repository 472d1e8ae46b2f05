/**
 * A GET route handler's read on behalf of the signed-in actor, never cached: 401 signed out (with
 * `signedOutDetail`), the read's result as JSON, 403 / 404 from the data layer's ForbiddenError /
 * NotFoundError as problem details.
 */
import { ForbiddenError, NotFoundError, type Actor } from "../db/actor";
import { json, problem } from "./problem";

const NO_STORE = { "cache-control": "no-store" };

export async function readForActor(actor: Actor | null, signedOutDetail: string, read: (actor: Actor) => Promise<unknown>): Promise<Response> {
  if (!actor) return problem({ title: "Unauthorized", status: 401, detail: signedOutDetail }, NO_STORE);
  try {
    const res = json(await read(actor));
    res.headers.set("cache-control", "no-store");
    return res;
  } catch (e) {
    if (e instanceof ForbiddenError) return problem({ title: "Forbidden", status: 403, detail: e.message }, NO_STORE);
    if (e instanceof NotFoundError) return problem({ title: "Not Found", status: 404, detail: e.message }, NO_STORE);
    throw e;
  }
}
