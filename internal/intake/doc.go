// Package intake is blogen's production comment service: the HTTP
// endpoint a deployed site's "Leave a Reply" form posts to (blogen
// comments serve).
//
// For each POST to the endpoint path it
//
//   - checks the Origin (or, without one, the Referer) against the allowed
//     origins (403), and answers CORS for exactly those, preflight
//     included, without credentials;
//   - reads the form (application/x-www-form-urlencoded, at most 64 KB and
//     16 fields; every field trimmed, then within its limit, valid UTF-8,
//     without control characters or bidirectional controls, as
//     comments.ValidateField checks it: else 400 with what to change);
//   - checks it against the site's posts (an unknown or closed post, a
//     parent that is not a shown comment of the post, a filled honeypot:
//     400);
//   - applies the flood limit per client (flood_seconds; the client is
//     the peer address, or X-Forwarded-For only from trusted_proxies; 429
//     with Retry-After);
//   - runs the comment policy (comments.Linter): reject is 422 with the
//     reasons; hold and publish are kept, pending, or approved when the
//     policy publishes it and auto_approve is on or approve_returning finds
//     the e-mail hash among approved comments; a form sent sooner than
//     min_seconds after it was shown, or not saying when, is never
//     approved;
//   - caps pending comments per post (max_pending_per_post; 429);
//   - writes the comment as content/comments/<post>/<id>.md through a
//     moderation.Writer, durably, before it answers 202: a 202 is a
//     promise that the comment survives a crash. A failed write is 503 and
//     leaves no file. The comments of a burst share the sync of their
//     folder (a group commit).
//
// Ids are the time to the millisecond, then 16 hex digits: random, or,
// when the form carries an idempotency key (the theme's script sends
// one), derived from the key, so that a retry of a comment already kept
// is answered with the same id and writes nothing.
//
// The answer is JSON when the request accepts application/json:
// 202 {"status":"pending"|"approved","id":…,"html":…}, 422
// {"status":"rejected","reasons":[{"rule":…,"message":…}]}, or an error
// status with {"status":"error","message":…}. A plain form post gets 303
// back to the post's URL with #comment-pending or #comment-approved, or a
// short page with the reasons and the reader's text.
//
// Each comment kept is then handed on (Options.Kept), never holding up
// the answer: to Git, which commits and pushes it, and to a Notifier,
// which tells moderators by webhook and e-mail from a queue with retries.
//
// blogen serve hands the POSTs to its own comment endpoint to a Service
// too (after its Host and cross-site checks, with Options.SameHost), so
// that the form behaves in the preview as it will when deployed.
//
// Nothing a reader sends is fetched or executed. Logs (log/slog) carry
// ids, statuses and rule ids, never a comment's text, a name or an e-mail
// address.
package intake
