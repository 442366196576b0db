package wordpress

import (
	"fmt"
	"path"
	"regexp"
	"slices"
	"strings"
)

// maxExamples is how many examples the summary keeps of each thing left
// out.
const maxExamples = 3

// skip counts one thing left out for reason and keeps it as an example.
func (imp *importer) skip(reason, example string) {
	imp.sum.Skipped[reason]++
	imp.sum.example(reason, example)
}

// example keeps what as an example of key, up to maxExamples of them.
func (s *Summary) example(key, what string) {
	if s.Examples == nil {
		s.Examples = map[string][]string{}
	}
	if len(s.Examples[key]) < maxExamples {
		s.Examples[key] = append(s.Examples[key], what)
	}
}

// itemName names an item for the report: its id and title.
func itemName(it *item) string {
	if t := plainText(it.title); t != "" {
		return fmt.Sprintf("item %d %q", it.id, t)
	}
	return fmt.Sprintf("item %d", it.id)
}

// commentName names a comment for the report, with the item it is on.
func commentName(c *comment, it *item) string {
	return fmt.Sprintf("comment %d on %s", c.id, itemName(it))
}

// usedFiles gathers what the imported items use of the export's
// attachments: the file names their bodies name (without WordPress's
// -300x200 size suffix) and the attachments their galleries and featured
// images name by id.
type usedFiles struct {
	names map[string]bool
	ids   map[int64]bool
}

var (
	// fileName matches the last segment of an address with an extension.
	fileName = regexp.MustCompile(`[^/"'\s?#=<>\[\]]+\.[A-Za-z0-9]{2,5}\b`)
	// sizeSuffix is the suffix WordPress gives the resized copies of an
	// image.
	sizeSuffix = regexp.MustCompile(`-\d+x\d+$`)
	// galleryIDs matches the list of attachments of a [gallery].
	galleryIDs = regexp.MustCompile(`(?:ids|include)\s*=\s*["']?([\d,\s]+)`)
)

func newUsedFiles() *usedFiles {
	return &usedFiles{names: map[string]bool{}, ids: map[int64]bool{}}
}

// fileStem is the name of a file without its extension and size suffix.
func fileStem(name string) string {
	name = strings.ToLower(path.Base(name))
	return sizeSuffix.ReplaceAllString(strings.TrimSuffix(name, path.Ext(name)), "")
}

// add records what an imported item uses: the files its body names, the
// attachments of its galleries (those it lists, or its own attachments
// when a gallery lists none) and its featured image.
func (u *usedFiles) add(it *item, m *media) {
	for _, f := range fileName.FindAllString(it.content, -1) {
		u.names[fileStem(f)] = true
	}
	if strings.Contains(it.content, "[gallery") {
		ids := galleryIDs.FindAllStringSubmatch(it.content, -1)
		for _, list := range ids {
			for _, id := range strings.Split(list[1], ",") {
				u.ids[number(strings.TrimSpace(id))] = true
			}
		}
		if len(ids) == 0 {
			for _, id := range m.children(it.id) {
				u.ids[id] = true
			}
		}
	}
	u.ids[number(strings.TrimSpace(it.meta["_thumbnail_id"]))] = true
}

// countAttachments counts the attachments of the export as used by an
// imported item or not, with examples of each.
func (imp *importer) countAttachments() {
	ids := make([]int64, 0, len(imp.media.byID))
	for id := range imp.media.byID {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := imp.media.byID[id]
		example := fmt.Sprintf("attachment %d %s", id, path.Base(a.url))
		if imp.used.ids[id] || (a.url != "" && imp.used.names[fileStem(a.url)]) {
			imp.skip("attachment (used by the posts)", example)
		} else {
			imp.skip("attachment not used by any post or page", example)
		}
	}
}
