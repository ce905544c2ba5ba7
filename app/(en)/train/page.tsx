import { trainMetadata, TrainPage } from "@/app/_pages/train";

export const dynamic = "force-dynamic";

export const generateMetadata = () => trainMetadata("en");

export default function Page() {
  return <TrainPage locale="en" />;
}
