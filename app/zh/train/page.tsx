import { trainMetadata, TrainPage } from "@/app/_pages/train";

export const dynamic = "force-dynamic";

export const generateMetadata = () => trainMetadata("zh");

export default function Page() {
  return <TrainPage locale="zh" />;
}
