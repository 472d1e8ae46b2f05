import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: "SpendSense",
  description: "Behavioral insights and financial education from your own transactions.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">{children}</body>
    </html>
  );
}
