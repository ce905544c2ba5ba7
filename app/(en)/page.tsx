import { HomePage } from "@/app/_pages/home";

// Rendered per request: its counts include cases published in the app since the build.
export const dynamic = "force-dynamic";

export default function Page() {
  return <HomePage locale="en" />;
}
