import { SiteLayout, siteMetadata, siteViewport } from "@/app/_pages/site-layout";

export const generateMetadata = () => siteMetadata("zh");
export const viewport = siteViewport;

export default function ChineseLayout({ children }: { children: React.ReactNode }) {
  return <SiteLayout locale="zh">{children}</SiteLayout>;
}
