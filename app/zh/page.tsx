import { HomePage } from "@/app/_pages/home";

export default function Page() {
  return <HomePage locale="zh" />;
}
