"use client";
import { useEffect } from "react";

/**
 * Marks <html data-hydrated> once React has hydrated the page, so browser tests wait for the
 * page's forms to be live before clicking (a click before hydration submits nothing).
 */
export function HydrationMarker() {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "true";
  }, []);
  return null;
}
