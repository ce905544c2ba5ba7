import { SiteLayout, siteMetadata, siteViewport } from "@/app/_pages/site-layout";

export const generateMetadata = () => siteMetadata("en");
export const viewport = siteViewport;

export default function EnglishLayout({ children }: { children: React.ReactNode }) {
  return <SiteLayout locale="en">{children}</SiteLayout>;
}
