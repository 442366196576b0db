// Package moderation is the store of a site's reader comments: it reads
// them, changes their status and adds new ones, always in place in the
// site's content/comments folder and never losing a byte it did not mean
// to change. What a comment's status should be is the comments package's
// business (its Linter); this package only carries out the decision.
//
// A Queue is the comments of a site folder, content/comments/<post>/<id>.md,
// read with content.ParseComment. Comments are named "post/id", or by a
// bare id when only one post has it. SetStatus approves or rejects one;
// Moderate applies the linter to every pending comment: reject makes it
// rejected, publish makes it approved only when auto-approval is on
// (comments.auto_approve), hold leaves it pending.
//
// A status change rewrites only the value of the status key in the file's
// front matter (YAML status: x, TOML status = "x", JSON "status": "x",
// keeping quotes and comments), or adds the key at the end of the front
// matter when it is missing; every other byte stays. The file is read again
// before it is changed, checked to say the same as when it was loaded, and
// replaced atomically: the new content goes to a hidden temporary file in
// the same folder, which is synced and renamed over the old one.
//
// A Writer adds new comment files for the comment service (package
// intake), durably, under the ids it is given, and never overwrites a
// file, even with other writers at the same time; the comments written at
// about the same time into one folder share one sync of the folder.
package moderation
