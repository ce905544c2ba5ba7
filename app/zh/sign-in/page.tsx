import { signInMetadata, SignInPage, type SignInPageProps } from "@/app/_pages/sign-in";

export const generateMetadata = () => signInMetadata("zh");

export default function Page(props: SignInPageProps) {
  return <SignInPage locale="zh" {...props} />;
}
