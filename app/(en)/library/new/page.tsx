import type { Metadata } from "next";

import { isReviewer } from "@/lib/library/repository";
import { CaseEditor } from "@/components/library/case-editor";
import { requirePageViewer } from "@/app/_server/viewer";

export const metadata: Metadata = { title: "New case" };
export const dynamic = "force-dynamic";

export default async function NewCasePage() {
  const viewer = await requirePageViewer("/library/new");
  return (
    <>
      <h1>New case</h1>
      <CaseEditor canReview={isReviewer(viewer)} />
    </>
  );
}
