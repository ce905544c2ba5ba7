// Each language's layout renders its own <html lang> (app/(en)/layout.tsx, app/zh/layout.tsx); this one
// only holds them, so that each language keeps its own not-found page (a root layout's is the global one).
export default function RootLayout({ children }: { children: React.ReactNode }) {
  return children;
}
