// A minimal OpenID Connect provider on 127.0.0.1 for tests: discovery, an authorization endpoint
// that signs in `provider.user` at once, a token endpoint that checks the code, client secret and
// PKCE verifier and issues an RS256 ID token, and the JWKS to verify it.
import { createHash, randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

import { exportJWK, generateKeyPair, SignJWT } from "jose";

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Who the next sign-on is for. */
  user: { email: string; name: string; emailVerified: boolean };
  close(): Promise<void>;
};

export async function startTestProvider(): Promise<TestProvider> {
  const { privateKey, publicKey } = await generateKeyPair("RS256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "RS256", use: "sig" };
  const grants = new Map<string, { nonce: string; challenge: string; redirectUri: string }>();
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const provider: TestProvider = {
    issuer,
    clientId: "netriage",
    clientSecret: "test-secret",
    user: { email: "sso.user@example.com", name: "SSO User", emailVerified: true },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const json = (response: http.ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(body));
  };

  server.on("request", async (request, response) => {
    const url = new URL(request.url ?? "/", issuer);
    if (url.pathname === "/.well-known/openid-configuration") {
      return json(response, 200, {
        issuer,
        authorization_endpoint: `${issuer}/authorize`,
        token_endpoint: `${issuer}/token`,
        jwks_uri: `${issuer}/jwks`,
        response_types_supported: ["code"],
        subject_types_supported: ["public"],
        id_token_signing_alg_values_supported: ["RS256"],
        code_challenge_methods_supported: ["S256"],
        token_endpoint_auth_methods_supported: ["client_secret_post", "client_secret_basic"],
      });
    }
    if (url.pathname === "/jwks") return json(response, 200, { keys: [jwk] });
    if (url.pathname === "/authorize") {
      const params = url.searchParams;
      if (params.get("client_id") !== provider.clientId || params.get("code_challenge_method") !== "S256")
        return json(response, 400, { error: "invalid_request" });
      const code = randomBytes(16).toString("hex");
      grants.set(code, { nonce: params.get("nonce") ?? "", challenge: params.get("code_challenge") ?? "", redirectUri: params.get("redirect_uri") ?? "" });
      const back = new URL(params.get("redirect_uri") ?? "");
      back.searchParams.set("code", code);
      back.searchParams.set("state", params.get("state") ?? "");
      response.writeHead(302, { location: back.toString() });
      return response.end();
    }
    if (url.pathname === "/token" && request.method === "POST") {
      let body = "";
      for await (const chunk of request) body += chunk;
      const form = new URLSearchParams(body);
      const basic = Buffer.from((request.headers.authorization ?? "").replace(/^Basic /, ""), "base64")
        .toString()
        .split(":");
      const [clientId, secret] =
        form.get("client_id") && form.get("client_secret") ? [form.get("client_id"), form.get("client_secret")] : basic.map(decodeURIComponent);
      const grant = grants.get(form.get("code") ?? "");
      grants.delete(form.get("code") ?? "");
      const verifier = form.get("code_verifier") ?? "";
      const challenge = createHash("sha256").update(verifier).digest("base64url");
      if (clientId !== provider.clientId || secret !== provider.clientSecret) return json(response, 401, { error: "invalid_client" });
      if (!grant || grant.challenge !== challenge || grant.redirectUri !== form.get("redirect_uri")) return json(response, 400, { error: "invalid_grant" });
      const idToken = await new SignJWT({
        nonce: grant.nonce,
        email: provider.user.email,
        email_verified: provider.user.emailVerified,
        name: provider.user.name,
      })
        .setProtectedHeader({ alg: "RS256", kid: jwk.kid })
        .setIssuer(issuer)
        .setAudience(provider.clientId)
        .setSubject(provider.user.email)
        .setIssuedAt()
        .setExpirationTime("5m")
        .sign(privateKey);
      return json(response, 200, { access_token: randomBytes(16).toString("hex"), token_type: "Bearer", expires_in: 300, id_token: idToken });
    }
    json(response, 404, { error: "not_found" });
  });
  return provider;
}
