import { signInMetadata, SignInPage, type SignInPageProps } from "@/app/_pages/sign-in";

export const generateMetadata = () => signInMetadata("en");

export default function Page(props: SignInPageProps) {
  return <SignInPage locale="en" {...props} />;
}
