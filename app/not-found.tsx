import Link from "next/link";

export default function NotFound() {
  return (
    <div className="not-found">
      <h1>Not found</h1>
      <p>There is no case or root cause at this address.</p>
      <p>
        <Link href="/cases">Browse all cases</Link> · <Link href="/causes">Browse root causes</Link>
      </p>
    </div>
  );
}
