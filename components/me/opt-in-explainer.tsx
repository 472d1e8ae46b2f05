export function OptInExplainer() {
  return (
    <section aria-labelledby="why-title" className="rounded-lg border border-dashed border-slate-300 bg-white p-5">
      <h2 id="why-title" className="font-semibold">
        What happens when you opt in
      </h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-slate-700">
        <li>We look at patterns in your own transactions: regular subscriptions, card balances, savings and pay.</li>
        <li>We show you short insights and educational reads that fit your situation. They are education, not financial advice.</li>
        <li>A person on our team reviews every suggestion before you see it.</li>
        <li>You can opt out at any time, and we then delete everything we derived from your data.</li>
      </ul>
    </section>
  );
}
