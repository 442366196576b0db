package intake

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// webhookBody is the JSON a webhook gets: "text" for Slack and the
// services that read Slack's format (Mattermost, Rocket.Chat, Zulip's
// Slack endpoint), and the comment's fields for anything else.
type webhookBody struct {
	Text    string `json:"text"`
	Comment note   `json:"comment"`
}

// slackEscaper escapes the three characters Slack's text format gives a
// meaning to, so that a reader's name cannot make a link or a mention.
var slackEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// postWebhook sends a note to hook. A 4xx answer but 408 and 429 is a
// failure for good. Errors leave the URL out, as webhook URLs hold their
// secret.
func postWebhook(ctx context.Context, hook string, n note) error {
	body, err := json.Marshal(webhookBody{Text: slackEscaper.Replace(n.summary()), Comment: n})
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, hook, bytes.NewReader(body))
	if err != nil {
		return permanent{errors.New("webhook: the URL is not valid")}
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "blogen-comments")
	resp, err := http.DefaultClient.Do(req)
	if ue := (*url.Error)(nil); errors.As(err, &ue) {
		err = ue.Err
	}
	if err != nil {
		return fmt.Errorf("webhook: %w", err)
	}
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	switch c := resp.StatusCode; {
	case c >= 200 && c < 300:
		return nil
	case c >= 400 && c < 500 && c != http.StatusRequestTimeout && c != http.StatusTooManyRequests:
		return permanent{fmt.Errorf("webhook: %s", resp.Status)}
	default:
		return fmt.Errorf("webhook: %s", resp.Status)
	}
}
