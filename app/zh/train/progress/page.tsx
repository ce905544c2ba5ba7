import { trainProgressMetadata, TrainProgressPage, type TrainProgressPageProps } from "@/app/_pages/train-progress";

export const generateMetadata = () => trainProgressMetadata("zh");
export const dynamic = "force-dynamic";

export default function Page(props: TrainProgressPageProps) {
  return <TrainProgressPage locale="zh" {...props} />;
}
