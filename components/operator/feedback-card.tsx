import type { FeedbackView } from "@/lib/types/views";
import { Badge } from "@/components/ui/badge";
import { Card, CardTitle } from "@/components/ui/card";
import { dateTime } from "./format";

/** What the customer said about the suggestions they were shown, newest first. */
export function FeedbackCard({ feedback }: { feedback: FeedbackView[] }) {
  return (
    <Card aria-labelledby="feedback-title">
      <CardTitle id="feedback-title">Customer feedback</CardTitle>
      {feedback.length ? (
        <ul className="space-y-2 text-sm">
          {feedback.map((f) => (
            <li key={f.id} className="border-b border-slate-100 pb-2">
              <div className="flex flex-wrap items-center gap-2">
                {f.helpful ? <Badge tone="teal">helpful</Badge> : <Badge tone="rose">not helpful</Badge>}
                <span className="font-medium">{f.title}</span>
                <span className="text-xs text-slate-500">
                  {f.window === "30d" ? "30 days" : "180 days"} · {dateTime(f.at)}
                  {f.recommendationId ? "" : " · suggestion since replaced"}
                </span>
              </div>
              {f.note ? <p className="mt-1 text-slate-700">“{f.note}”</p> : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-sm text-slate-500">No feedback from this customer yet.</p>
      )}
    </Card>
  );
}
