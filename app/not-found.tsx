import { StatusPage } from "@/components/ui/status-page";

export const metadata = { title: "Not found · SpendSense" };

export default function NotFound() {
  return (
    <StatusPage code="404" title="We could not find that page">
      <p>The link may be out of date, or the page may have moved.</p>
    </StatusPage>
  );
}
