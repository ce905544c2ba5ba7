import { causesMetadata, CausesPage } from "@/app/_pages/causes";

// Rendered per request: the list includes cases published in the app since the build.
export const dynamic = "force-dynamic";
export const generateMetadata = () => causesMetadata("zh");

export default function Page() {
  return <CausesPage locale="zh" />;
}
