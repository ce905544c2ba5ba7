import { reviewMetadata, ReviewPage } from "@/app/_pages/review";

export const dynamic = "force-dynamic";
export const generateMetadata = () => reviewMetadata("en");

export default function Page() {
  return <ReviewPage locale="en" />;
}
