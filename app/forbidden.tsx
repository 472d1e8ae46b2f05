import { StatusPage } from "@/components/ui/status-page";

export const metadata = { title: "Not allowed · SpendSense" };

/** 403: signed in, but this page is for another role (a customer opening /operator). */
export default function Forbidden() {
  return (
    <StatusPage code="403" title="This page is not available to you">
      <p>You are signed in, but this part of SpendSense is for our review team. Your own insights are on your start page.</p>
    </StatusPage>
  );
}
