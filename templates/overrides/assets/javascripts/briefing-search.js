/*
 * The header's search box answered by Pagefind (extra.briefing.search: pagefind).
 *
 * Nothing is fetched until a reader types: then the list of index bundles, Pagefind's script, its
 * WebAssembly, and from each bundle its small entry and meta files and only the index chunks the words
 * need, and the fragments of the results shown, all from /pagefind/ on this site.  Results are drawn with
 * the theme's own result markup: the page (a day's date, an actor's name) and under it the events that
 * matched, each linking to the event's anchor.  Everything from the index is put on the page as text,
 * except Pagefind's <mark> highlights, which are rebuilt here from escaped text.
 */
(function () {
  "use strict";

  var root = document.querySelector('[data-md-component="briefing-search"]');
  if (!root) {
    return;
  }
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var toggle = document.getElementById("__search");
  var bundle = new URL(root.getAttribute("data-bundle"), document.baseURI);
  var siteBase = new URL("../", bundle).pathname;
  var pagefind = null;
  var latest = 0;
  var SHOWN = 10;
  var SECTIONS = 3;

  // The index is one Pagefind bundle per year of briefings and one for the rest of the site
  // (generator/search/pagefind.py), listed in bundles.json: Pagefind is loaded from the first and the
  // others are merged into it, so one search answers from all of them.
  function load() {
    if (!pagefind) {
      var options = { baseUrl: siteBase, excerptLength: 24 };
      pagefind = fetch(new URL("bundles.json", bundle).href)
        .then(function (response) {
          if (!response.ok) {
            throw new Error("no search index");
          }
          return response.json();
        })
        .then(function (listing) {
          var names = (listing && listing.bundles) || [];
          if (!names.length) {
            throw new Error("no search index");
          }
          return import(new URL(names[0] + "/pagefind.js", bundle).href).then(function (module) {
            return module
              .options(options)
              .then(function () {
                return Promise.all(
                  names.slice(1).map(function (name) {
                    return module.mergeIndex(new URL(name + "/", bundle).pathname, options);
                  })
                );
              })
              .then(function () {
                return module;
              });
          });
        });
    }
    return pagefind;
  }

  function message(count) {
    if (count === 0) {
      return root.getAttribute("data-none");
    }
    if (count === 1) {
      return root.getAttribute("data-one");
    }
    return root.getAttribute("data-other").replace("#", String(count));
  }

  // Pagefind's excerpts are its own escaped text with <mark> around the words found. Each piece between
  // the marks is decoded as text (a textarea reads entities, never tags) and put on the page as text, so
  // nothing written into an event can become markup here.
  function decode(html) {
    var box = document.createElement("textarea");
    box.innerHTML = html;
    return box.value;
  }

  function excerptNode(excerpt) {
    var paragraph = document.createElement("p");
    var marked = false;
    (excerpt || "").split(/(<mark>|<\/mark>)/).forEach(function (part) {
      if (part === "<mark>" || part === "</mark>") {
        marked = part === "<mark>";
        return;
      }
      if (!part) {
        return;
      }
      var text = document.createTextNode(decode(part));
      if (marked) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        paragraph.appendChild(mark);
      } else {
        paragraph.appendChild(text);
      }
    });
    return paragraph;
  }

  // Only links into this site: a result's URL is a path Pagefind built from the index on this site.
  function siteLink(url) {
    var target = new URL(url, document.baseURI);
    return target.origin === window.location.origin ? target.href : null;
  }

  function section(url, level, title, excerpt) {
    var href = siteLink(url);
    if (!href) {
      return null;
    }
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = href;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement(level);
    heading.textContent = title || "";
    article.appendChild(heading);
    article.appendChild(excerptNode(excerpt));
    link.appendChild(article);
    return link;
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var page = section(data.url, "h1", (data.meta && data.meta.title) || data.url, data.excerpt);
    if (page) {
      li.appendChild(page);
    }
    (data.sub_results || [])
      .filter(function (sub) {
        return sub.url !== data.url && sub.anchor;
      })
      .slice(0, SECTIONS)
      .forEach(function (sub) {
        var link = section(sub.url, "h2", sub.title, sub.excerpt);
        if (link) {
          li.appendChild(link);
        }
      });
    return li;
  }

  function show(query) {
    var ticket = ++latest;
    if (!query.trim()) {
      meta.textContent = root.getAttribute("data-placeholder");
      list.replaceChildren();
      return;
    }
    load()
      .then(function (module) {
        return module.debouncedSearch(query, {}, 150);
      })
      .then(function (search) {
        if (search === null || ticket !== latest) {
          return null;
        }
        return Promise.all(
          search.results.slice(0, SHOWN).map(function (result) {
            return result.data();
          })
        ).then(function (pages) {
          if (ticket !== latest) {
            return;
          }
          meta.textContent = message(search.results.length);
          list.replaceChildren.apply(list, pages.map(item));
        });
      })
      .catch(function () {
        if (ticket === latest) {
          meta.textContent = root.getAttribute("data-unavailable");
          list.replaceChildren();
        }
      });
  }

  input.addEventListener("focus", function () {
    if (toggle && !toggle.checked) {
      toggle.checked = true;
    }
    load();
  });
  input.addEventListener("input", function () {
    show(input.value);
  });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Escape") {
      if (toggle) {
        toggle.checked = false;
      }
      input.blur();
    } else if (event.key === "Enter") {
      event.preventDefault();
      var first = list.querySelector("a.md-search-result__link");
      if (first) {
        window.location.href = first.href;
      }
    }
  });
  // Material opens its search with f, s or / from anywhere on a page; its script only listens for its own
  // search box, so the same keys open this one. Not while the reader is typing somewhere, nor with a
  // modifier held (Ctrl+F is the browser's find, and stays so).
  function typing(target) {
    return (
      target &&
      (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName || ""))
    );
  }
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented || typing(event.target)) {
      return;
    }
    if (event.key !== "f" && event.key !== "s" && event.key !== "/") {
      return;
    }
    if (toggle && toggle.checked && document.activeElement === input) {
      return;
    }
    event.preventDefault();
    if (toggle) {
      toggle.checked = true;
    }
    input.focus();
    input.select();
  });
  root.querySelector(".md-search__form").addEventListener("reset", function () {
    show("");
    input.focus();
  });
  list.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest("a") && toggle) {
      toggle.checked = false;
    }
  });
})();
