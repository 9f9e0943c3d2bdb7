/**
 * Reusable HTTP plumbing for Symantec APIs (SES now, SEPM later), built on OkHttp interceptors:
 * {@link riposte.symantec.http.RedactingLoggingInterceptor} → {@link riposte.symantec.http.RateGovernorInterceptor}
 * → {@link riposte.symantec.http.RetryInterceptor} → (API-specific auth) → {@link riposte.symantec.http.RedirectInterceptor}
 * → transport; TLS trust and proxy setup in {@link riposte.symantec.http.Transport}; the failure types a caller
 * sees in {@link riposte.symantec.http.SymantecApiException}.
 */
package riposte.symantec.http;
