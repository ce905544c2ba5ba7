import Link from "next/link";

/** 403: signed in, but the role does not open this page (or the session is not shared with you). */
export default function Forbidden() {
  return (
    <section className="panel" role="alert">
      <h1>Not for your role</h1>
      <p>Your account cannot open this page: it needs a higher role, or the triage session is not shared with you.</p>
      <p>
        Ask an admin, or go back to the <Link href="/">library</Link>.
      </p>
    </section>
  );
}
