import { causesMetadata, CausesPage } from "@/app/_pages/causes";

export const generateMetadata = () => causesMetadata("en");

export default function Page() {
  return <CausesPage locale="en" />;
}
