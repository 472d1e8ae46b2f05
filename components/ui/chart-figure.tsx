import type { ReactNode } from "react";

export interface ChartTable {
  columns: string[];
  rows: (string | number | null)[][];
}

/**
 * A chart with its text alternative: the drawing is hidden from assistive technology, and a table
 * with the same numbers (visually hidden) stands in for it.
 */
export function ChartFigure({ id, title, note, table, children, height = "h-60" }: { id: string; title: string; note?: ReactNode; table: ChartTable; children: ReactNode; height?: string }) {
  return (
    <figure aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <figcaption id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </figcaption>
      {note ? <p className="mt-1 text-xs text-slate-600">{note}</p> : null}
      <div aria-hidden="true" className={`mt-2 w-full ${height}`}>
        {children}
      </div>
      {/* sr-only on the wrapper: a table ignores the 1px width and would widen the page. */}
      <div className="sr-only">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              {table.columns.map((c) => (
                <th key={c} scope="col">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={i}>
                {r.map((c, j) => (j === 0 ? <th key={j} scope="row">{c}</th> : <td key={j}>{c ?? "n/a"}</td>))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}

/** A chart's card when there is nothing to draw: its title and the sentence that says why. */
export function ChartEmpty({ id, title, sentence }: { id: string; title: string; sentence: string }) {
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <h3 id={`${id}-title`} className="text-sm font-semibold text-slate-900">
        {title}
      </h3>
      <p className="mt-1 text-sm text-slate-600">{sentence}</p>
    </section>
  );
}
