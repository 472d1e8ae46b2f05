import { codeLabel } from "@/lib/core/console/labels";

/** A code in words, with the code itself (a constant or field name) only under a "details" toggle. */
export function Coded({ code, label }: { code: string; label?: string }) {
  return (
    <span>
      {label ?? codeLabel(code)}{" "}
      <details className="inline-block align-baseline text-slate-500">
        <summary className="cursor-pointer text-[0.7rem] select-none">details</summary>
        <code className="text-xs break-all">{code}</code>
      </details>
    </span>
  );
}
