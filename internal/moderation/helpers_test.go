package moderation

import (
	"testing"

	"github.com/blogen/blogen/internal/comments"
	"github.com/blogen/blogen/internal/config"
)

// bankStory is a comment with substance: the default policy publishes it.
const bankStory = "I ran the social care team at a regional bank for three years, and the hardest " +
	"cases were exactly the ones you describe: people we could not identify, saying things " +
	"we could not answer in public. What worked for us was a short, kind reply with a way " +
	"to reach a named person."

// avatarStory is another paragraph of substance.
const avatarStory = "Your point about avatars matches what we saw when our agents switched from the " +
	"logo to their own photos. Replies got warmer within a week, and fewer threads turned " +
	"into arguments, because people write differently to a face."

// defaultLinter is the linter of the default comment policy.
func defaultLinter(t testing.TB) *comments.Linter {
	t.Helper()
	l, err := comments.NewLinter(config.DefaultPolicy())
	if err != nil {
		t.Fatal(err)
	}
	return l
}
