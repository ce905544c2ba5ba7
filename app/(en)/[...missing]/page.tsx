import { notFound } from "next/navigation";

/** Any other path in this language: its not-found page, inside the language's layout. */
export default function Missing() {
  notFound();
}
