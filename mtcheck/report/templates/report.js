(function () {
  "use strict";
  // mtcheck report behaviour: selection, details, filters, search, keyboard.
  // Article text is only ever written with textContent, never parsed as HTML.
  if (window.performance && performance.mark) performance.mark("mtcheck-init");
  var d = document, root = d.documentElement;
  var side = d.getElementById("side"), listBox = d.getElementById("findings"), tools = d.getElementById("tools");
  var details = d.getElementById("details"), dbody = d.getElementById("dbody");
  var search = d.getElementById("q"), status = d.getElementById("status");
  var segdata = [];
  try { segdata = JSON.parse(d.getElementById("segdata").textContent) || []; } catch (e) { segdata = []; }

  var F = [].slice.call(d.querySelectorAll("li.fi")).map(function (li) {
    return { li: li, n: +li.getAttribute("data-n"), s: li.getAttribute("data-s"), c: li.getAttribute("data-c"),
      doc: +li.getAttribute("data-d"), seg: li.getAttribute("data-seg"), sup: li.classList.contains("sup"),
      vis: !li.classList.contains("sup"), text: null };
  });
  var byN = {};
  F.forEach(function (f, i) { f.i = i; byN[f.n] = f; });
  var cur = -1, M = null, R = null;

  function frags(f) { return d.querySelectorAll('#d' + f.doc + ' mark[data-f~="' + f.n + '"]'); }
  function isTarget(m) { var td = m.closest("td"); return !!td && !td.nextElementSibling; }
  function firstFrag(f, target) {
    var all = frags(f);
    for (var k = 0; k < all.length; k++) if (isTarget(all[k]) === target) return all[k];
    return null;
  }
  function marks() {
    if (!M) M = [].slice.call(d.querySelectorAll("mark[data-f]")).map(function (m) {
      return { el: m, f: m.getAttribute("data-f").split(" ").map(function (x) { return byN[+x]; }).filter(Boolean) };
    });
    return M;
  }
  function rows() {
    if (!R) {
      var index = new Map();
      R = [].slice.call(d.querySelectorAll("table.al tbody tr")).map(function (tr) {
        var r = { el: tr, f: [], text: null }; index.set(tr, r); return r;
      });
      marks().forEach(function (m) {
        var r = index.get(m.el.closest("tr"));
        if (r) m.f.forEach(function (f) { if (r.f.indexOf(f) < 0) r.f.push(f); });
      });
    }
    return R;
  }

  function scrollWithin(box, el) {
    var r = el.getBoundingClientRect(), b = box.getBoundingClientRect();
    if (r.top < b.top) box.scrollTop -= b.top - r.top + 8;
    else if (r.bottom > b.bottom) box.scrollTop += Math.min(r.bottom - b.bottom + 8, r.top - b.top - 8);
  }
  function inView(el) {
    var r = el.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= (window.innerHeight || root.clientHeight);
  }

  function el(tag, text, cls) {
    var e = d.createElement(tag);
    if (text != null) e.textContent = text;
    if (cls) e.className = cls;
    return e;
  }
  function line(label, node) {
    var p = el("p"); p.appendChild(el("span", label, "lab")); p.appendChild(d.createTextNode(" ")); p.appendChild(node); return p;
  }
  function fmt(v) {
    if (typeof v === "number") return Number.isInteger(v) ? String(v) : v.toFixed(3);
    if (v === null || v === undefined) return "–";
    return String(v);
  }

  function showDetails(f) {
    var li = f.li, q = function (sel) { var x = li.querySelector(sel); return x ? x.textContent : null; };
    dbody.textContent = "";
    var head = el("p");
    head.appendChild(li.querySelector(".sv").cloneNode(true));
    head.appendChild(d.createTextNode(" "));
    head.appendChild(li.querySelector(".cat").cloneNode(true));
    head.appendChild(d.createTextNode(" "));
    head.appendChild(el("code", q("code")));
    if (f.sup) head.appendChild(el("em", " (suppressed)"));
    dbody.appendChild(head);
    dbody.appendChild(el("p", q(".msg"), "msg"));
    var t = q(".tt"), s = q(".st"), g = q(".sg");
    if (t !== null) dbody.appendChild(line("Target", el("q", t)));
    if (s !== null) dbody.appendChild(line("Source", el("q", s)));
    if (g !== null) dbody.appendChild(line("Suggestion", el("ins", g)));
    var sc = f.seg && segdata[f.doc] ? segdata[f.doc][f.seg] : null;
    if (sc) {
      if (sc.mt_forward != null) dbody.appendChild(line("MT", el("q", String(sc.mt_forward))));
      // the aligner's own similarity says nothing to an editor: only MT figures are shown
      var keys = Object.keys(sc).filter(function (k) { return k !== "mt_forward" && k.indexOf("align_") !== 0; }).sort();
      if (keys.length) {
        var tb = el("table"), cap = el("caption", "Scores for segment " + f.seg);
        tb.appendChild(cap);
        var body = el("tbody");
        keys.forEach(function (k) {
          var tr = el("tr"); var th = el("th", k); th.scope = "row"; tr.appendChild(th); tr.appendChild(el("td", fmt(sc[k]))); body.appendChild(tr);
        });
        tb.appendChild(body);
        dbody.appendChild(tb);
      }
    }
    if (f.seg && !(sc && Object.keys(sc).some(function (k) { return k.indexOf("align_") !== 0; }))) dbody.appendChild(el("p", "Segment " + f.seg, "muted"));
    var visible = F.filter(function (x) { return x.vis; });
    d.getElementById("details-h").textContent = "Finding " + (visible.indexOf(f) + 1) + " of " + visible.length;
    details.hidden = false;
  }


  function mark(f, on) {
    var fs = frags(f);
    for (var k = 0; k < fs.length; k++) fs[k].classList.toggle("sel", on);
    f.li.classList.toggle("sel", on);
    if (on) f.li.setAttribute("aria-current", "true"); else f.li.removeAttribute("aria-current");
    var row = d.getElementById(f.li.querySelector("a.fh").getAttribute("href").slice(1));
    if (row && row.tagName === "TR") row.classList.toggle("cur", on);
  }

  function select(i, how, clicked) {
    if (cur >= 0) mark(F[cur], false);
    cur = i;
    if (i < 0) { details.hidden = true; root.removeAttribute("data-selected"); status.textContent = summaryLine(); return; }
    var f = F[i];
    mark(f, true);
    showDetails(f);
    paintTriage(f);
    root.setAttribute("data-selected", String(f.n));
    var m = firstFrag(f, true) || firstFrag(f, false);
    if (how !== "text") {
      var target = m || d.getElementById(f.li.querySelector("a.fh").getAttribute("href").slice(1));
      if (target) target.scrollIntoView({ block: "center" });
    }
    // the two sides follow each other: bring the counterpart span (other column) into view
    var here = how === "text" && clicked ? clicked : m;
    var other = here ? firstFrag(f, !isTarget(here)) : null;
    if (other && !inView(other)) other.scrollIntoView({ block: "nearest" });
    if (how !== "list") { scrollWithin(listBox, f.li); scrollWithin(side, f.li); }
    status.textContent = "Finding " + (F.filter(function (x) { return x.vis; }).indexOf(f) + 1) + ": " + f.s + ", " + f.li.querySelector(".cat").textContent;
  }

  function step(dir) {
    var i = cur < 0 ? (dir > 0 ? -1 : F.length) : cur;
    for (;;) {
      i += dir;
      if (i < 0 || i >= F.length) {
        status.textContent = dir > 0 ? "No finding after this one (k goes back)." : "No finding before this one (j goes on).";
        return;
      }
      if (F[i].vis) { select(i, "key"); return; }
    }
  }

  // ---- filters and search
  var on = { sev: {}, cat: {}, sup: false, only: false };
  function readForm() {
    [].forEach.call(tools.querySelectorAll("input[name=sev]"), function (x) { on.sev[x.value] = x.checked; });
    [].forEach.call(tools.querySelectorAll("input[name=cat]"), function (x) { on.cat[x.value] = x.checked; });
    var sup = tools.querySelector("input[name=sup]"), only = tools.querySelector("input[name=only]");
    on.sup = !!(sup && sup.checked);
    on.only = !!(only && only.checked);
  }
  function apply() {
    readForm();
    var q = search.value.trim().toLowerCase(), shown = 0;
    F.forEach(function (f) {
      var v = on.sev[f.s] !== false && on.cat[f.c] !== false && (!f.sup || on.sup);
      if (v && q) {
        if (f.text === null) f.text = f.li.textContent.toLowerCase();
        v = f.text.indexOf(q) >= 0;
      }
      f.vis = v;
      f.li.hidden = !v;
      if (v) shown++;
    });
    marks().forEach(function (m) {
      m.el.classList.toggle("off", !m.f.some(function (f) { return f.vis; }));
    });
    var rowsShown = 0;
    rows().forEach(function (r) {
      var has = r.f.some(function (f) { return f.vis; }), show = true;
      if (on.only && !has) show = false;
      if (show && q && !has) {
        if (r.text === null) r.text = r.el.textContent.toLowerCase();
        show = r.text.indexOf(q) >= 0;
      }
      r.el.hidden = !show;
      if (show) rowsShown++;
    });
    rowLine = "; " + rowsShown + " of " + R.length + " rows.";
    if (cur >= 0 && !F[cur].vis) select(-1);
    status.textContent = summaryLine();
    root.setAttribute("data-filtered", String((+root.getAttribute("data-filtered") || 0) + 1));
  }
  var rowLine = ".", heading = d.getElementById("findings-h");
  function summaryLine() {
    var shown = F.filter(function (f) { return f.vis; }).length;
    heading.textContent = "Findings (" + (shown < F.length ? shown + " of " + F.length : F.length) + ")";
    return shown + " of " + F.length + " findings shown" + rowLine;
  }
  var timer = 0;
  tools.addEventListener("change", apply);
  tools.addEventListener("submit", function (e) { e.preventDefault(); apply(); });
  search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, F.length > 300 ? 150 : 60); });

  // ---- pointer and keyboard
  d.getElementById("main").addEventListener("click", function (e) {
    var m = e.target.closest ? e.target.closest("mark[data-f]") : null;
    if (!m) return;
    var ids = m.getAttribute("data-f").split(" ").map(function (x) { return byN[+x]; })
      .filter(function (f) { return f && f.vis; });
    if (!ids.length) return;
    var k = ids.indexOf(F[cur]);
    select(ids[(k + 1) % ids.length].i, "text", m);
  });
  d.getElementById("findings").addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a.fh") : null;
    if (!a) return;
    e.preventDefault();
    select(byN[+a.closest("li.fi").getAttribute("data-n")].i, "list");
  });
  d.getElementById("close").addEventListener("click", function () { select(-1); });
  d.getElementById("prev").addEventListener("click", function () { step(-1); });
  d.getElementById("next").addEventListener("click", function () { step(1); });
  d.addEventListener("keydown", function (e) {
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
    var t = e.target, typing = t && (t.tagName === "TEXTAREA" || t.isContentEditable ||
      (t.tagName === "INPUT" && /^(search|text)$/.test(t.type)));
    if (typing) {
      if (e.key === "Escape" && t === search) { e.preventDefault(); search.blur(); }  // keep the query: j/k walk its matches
      if (e.key === "Enter" && t === search) { e.preventDefault(); clearTimeout(timer); apply(); search.blur(); }
      return;
    }
    if (e.key === "j") { e.preventDefault(); step(1); }
    else if (e.key === "k") { e.preventDefault(); step(-1); }
    else if (e.key === "/") { e.preventDefault(); search.focus(); search.select(); }
    else if ((e.key === "f" || e.key === "a" || e.key === "x") && cur >= 0) {
      e.preventDefault(); decide(F[cur], { f: "fixed", a: "accepted", x: "false-alarm" }[e.key]);
    }
    else if (e.key === "Escape") {  // first deselect, then clear the search
      if (cur >= 0) select(-1);
      else if (search.value) { search.value = ""; apply(); }
    }
  });

  // ---- triage: fixed / accepted / false alarm, kept per document in localStorage, exported as JSON
  var T = {}, LABEL = { "fixed": "fixed", "accepted": "accepted", "false-alarm": "false alarm" };
  var triageBox = d.getElementById("triage"), note = d.getElementById("tnote"), progress = d.getElementById("progress");
  var docKeys = [].map.call(d.querySelectorAll("section.doc"), function (s) { return s.getAttribute("data-key") || ""; });
  function storeKey(doc) { return "mtcheck.decisions:" + docKeys[doc]; }
  function store() {
    try { return window.localStorage; } catch (e) { return null; }
  }
  docKeys.forEach(function (k, doc) {
    var ls = store(), v = null;
    try { v = ls ? JSON.parse(ls.getItem(storeKey(doc)) || "null") : null; } catch (e) { v = null; }
    T[doc] = v && typeof v === "object" ? v : {};
  });
  function save(doc) {
    var ls = store();
    try { if (ls) ls.setItem(storeKey(doc), JSON.stringify(T[doc])); } catch (e) { /* private mode: this page only */ }
  }
  function decisionOf(f) { var id = f.li.getAttribute("data-id"); return T[f.doc][id] || null; }
  function paintTriage(f) {
    var t = decisionOf(f), badge = f.li.querySelector(".tb");
    f.li.setAttribute("data-t", t ? t.d : "");
    if (badge) badge.textContent = t ? "· " + LABEL[t.d] + (t.note ? ": " + t.note : "") : "";
    if (cur >= 0 && F[cur] === f) {
      [].forEach.call(triageBox.querySelectorAll("button"), function (b) {
        b.setAttribute("aria-pressed", String(!!t && b.getAttribute("data-t") === t.d));
      });
      if (d.activeElement !== note) note.value = t ? t.note || "" : "";
    }
  }
  function showProgress() {
    var live = F.filter(function (f) { return !f.sup; }), done = live.filter(decisionOf).length;
    progress.textContent = done + " of " + live.length + " reviewed";
  }
  function decide(f, what) {
    var id = f.li.getAttribute("data-id"), old = T[f.doc][id];
    if (what && (!old || old.d !== what)) T[f.doc][id] = { d: what, note: (old && old.note) || note.value.trim(),
      rule: f.li.querySelector("code").textContent, text: f.li.querySelector(".tt") ? f.li.querySelector(".tt").textContent : null };
    else delete T[f.doc][id];
    save(f.doc); paintTriage(f); showProgress();
    status.textContent = "Finding marked " + (T[f.doc][id] ? LABEL[what] : "undecided") + ".";
  }
  triageBox.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest("button[data-t]") : null;
    if (b && cur >= 0) decide(F[cur], b.getAttribute("data-t"));
  });
  note.addEventListener("input", function () {
    if (cur < 0) return;
    var f = F[cur], t = decisionOf(f);
    if (t) { t.note = note.value.trim(); save(f.doc); paintTriage(f); }
  });
  d.getElementById("export").addEventListener("click", function () {
    var out = { schema: "mtcheck.decisions/1", documents: {} };
    docKeys.forEach(function (k, doc) {
      var ids = Object.keys(T[doc]);
      if (ids.length) out.documents[k] = ids.map(function (id) {
        var t = T[doc][id], e = { id: id, decision: t.d, note: t.note || "" };
        if (t.rule) e.rule = t.rule;
        if (t.text != null) e.text = t.text;
        return e;
      });
    });
    var a = d.createElement("a");
    a.href = URL.createObjectURL(new Blob([JSON.stringify(out, null, 2) + "\n"], { type: "application/json" }));
    a.download = "mtcheck-decisions.json";
    d.body.appendChild(a); a.click(); a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
  });
  F.forEach(paintTriage);
  showProgress();

  // suppressed findings start hidden: their highlights stay neutral (CSS), list entries hide
  F.forEach(function (f) { if (f.sup) f.li.hidden = true; });
  // on a laptop screen the filters fold away so that the findings list keeps its room
  if ((window.innerHeight || root.clientHeight) < 860 && window.innerWidth > 700) d.getElementById("filters").open = false;
  tools.hidden = false;
  status.textContent = summaryLine();
  root.setAttribute("data-ready", "1");
  if (window.performance && performance.mark) performance.mark("mtcheck-ready");
})();
