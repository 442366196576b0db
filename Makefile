# The two commands of README.md, and the tools around them.
GO ?= go

.PHONY: demo build test vet fuzz bench

## demo: build the demo blog and serve it on http://localhost:1313/
demo:
	$(GO) run ./cmd/blogen serve

## build: build the demo blog into public/
build:
	$(GO) run ./cmd/blogen build

## test: everything CI runs (needs npm ci and Debian's chromium; see README)
# The browser tests and the generated sites' tests run without the race
# detector, which slows them tenfold; the servers and builds they drive
# are race-tested in their own packages.
RACE_FREE := ./internal/e2e ./internal/sitegen

test: vet node_modules
	$(GO) test -race -count=1 $$($(GO) list ./... | grep -v -e '/internal/e2e$$' -e '/internal/sitegen$$')
	$(GO) test -count=1 $(RACE_FREE)
	$(GO) test -count=1 -run 'TestPicturesInPages|TestImageCopies|TestSocialCards|TestWarmImageBuildsMatchColdBuilds|TestImagesOnDemand|TestBadImages|TestNoMetadataPublished|TestAVIFInPages' ./internal/build

node_modules: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	@touch node_modules

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt: the files above are not formatted"; exit 1)
	$(GO) vet ./...

## fuzz: run every fuzz target for FUZZTIME each (default 30s)
FUZZTIME ?= 30s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "== $$pkg $$f"; $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

## bench: the speed and memory comparison of README.md
bench:
	$(GO) run ./bench -hugo
