// khabar serve: the page. Plain JavaScript, no library, nothing fetched from another host.
// The view (filters, brushed dates, open event, language) lives in the URL, so a copied URL
// restores it. Text from the store is only ever set with textContent, never parsed as HTML.
"use strict";

const API = "/api/v1";
const SVGNS = "http://www.w3.org/2000/svg";
const FILTERS = ["from", "to", "country", "actor", "root", "q"];

const I18N = {
  en: {
    title: "khabar", subtitle: "events from the news", from: "From", to: "To", country: "Country", actor: "Actor code",
    root: "Event type", q: "Text", apply: "Apply", reset: "Reset", any: "any", map: "Map", fit: "Fit", zoomIn: "Zoom in", zoomOut: "Zoom out",
    mapNote: "Circles: events per place (merged where they crowd). Click a circle to filter by its country; arrow keys pan, + and − zoom.",
    timeline: "Events per day", brushNote: "Drag across the bars to pick dates; with the chart focused, arrow keys move the range, Shift+arrows widen it, Escape clears it.",
    events: "Events", export: "Export", more: "More", event: "Event", close: "Close", dyads: "Who did what to whom: top pairs",
    source: "Source", target: "Target", eventsN: "Events", mentionsN: "Mentions",
    footer: "Read-only view of a khabar store. API:", attribution: "Country outlines: Natural Earth (public domain).",
    nEvents: n => `${n.toLocaleString("en")} events`, allDates: "all dates", noEvents: "No events match these filters.",
    summary: s => `${s.articles.toLocaleString("en")} articles · ${s.events.toLocaleString("en")} events · ${s.stories.toLocaleString("en")} stories · ${s.first_date || "?"} – ${s.last_date || "?"}`,
    code: "Code", date: "Date", place: "Place", modality: "Modality", confidence: "Confidence", counts: "Mentions / outlets / articles",
    rule: "Rule", explanation: "Explanation", reported: "Sentences that report it", story: "Story", outlets: "Outlets", headline: "headline",
    sentence: n => `sentence ${n + 1}`, copy: "copy", earlier: "earlier", later: "later", loading: "Loading…", negated: "negated", places: "places", eventsAt: "events at",
  },
  ar: {
    title: "خبر", subtitle: "أحداث من الأخبار", from: "من", to: "إلى", country: "البلد", actor: "رمز الفاعل",
    root: "نوع الحدث", q: "نص", apply: "تطبيق", reset: "إعادة ضبط", any: "الكل", map: "الخريطة", fit: "ملاءمة", zoomIn: "تكبير", zoomOut: "تصغير",
    mapNote: "الدوائر: الأحداث في كل مكان (تُدمج حين تتزاحم). انقر دائرة لتصفية الأحداث ببلدها؛ الأسهم للتحريك، و+ و− للتكبير والتصغير.",
    timeline: "الأحداث في كل يوم", brushNote: "اسحب فوق الأعمدة لاختيار التواريخ؛ حين يكون الرسم محددا تحرك الأسهم المدى، وShift مع الأسهم توسّعه، وEscape تلغيه.",
    events: "الأحداث", export: "تصدير", more: "المزيد", event: "الحدث", close: "إغلاق", dyads: "من فعل ماذا بمن: أكثر الأزواج",
    source: "المصدر", target: "الهدف", eventsN: "أحداث", mentionsN: "إشارات",
    footer: "عرض للقراءة فقط لمخزن خبر. الواجهة البرمجية:", attribution: "حدود البلدان: Natural Earth (ملكية عامة).",
    nEvents: n => `${n.toLocaleString("ar")} حدثا`, allDates: "كل التواريخ", noEvents: "لا أحداث تطابق هذه المرشحات.",
    summary: s => `${s.articles.toLocaleString("ar")} مقالا · ${s.events.toLocaleString("ar")} حدثا · ${s.stories.toLocaleString("ar")} قصة · \u2066${s.first_date || "?"} – ${s.last_date || "?"}\u2069`,
    code: "الرمز", date: "التاريخ", place: "المكان", modality: "الصيغة", confidence: "الثقة", counts: "الإشارات / المنافذ / المقالات",
    rule: "القاعدة", explanation: "التفسير", reported: "الجمل التي تذكره", story: "القصة", outlets: "المنافذ", headline: "العنوان",
    sentence: n => `الجملة ${(n + 1).toLocaleString("ar")}`, copy: "نسخة", earlier: "قبلها", later: "بعدها", loading: "جار التحميل…", negated: "منفي", places: "أماكن", eventsAt: "أحداث في",
  },
};
const QUAD = {
  en: ["Verbal cooperation", "Material cooperation", "Verbal conflict", "Material conflict"],
  ar: ["تعاون لفظي", "تعاون مادي", "نزاع لفظي", "نزاع مادي"],
};
// CAMEO roots in Arabic (the codebook's English names come from the API)
const ROOT_AR = {
  "01": "الإدلاء ببيان", "02": "مناشدة", "03": "إبداء نية التعاون", "04": "تشاور", "05": "تعاون دبلوماسي",
  "06": "تعاون مادي", "07": "تقديم مساعدة", "08": "تنازل", "09": "تحقيق", "10": "مطالبة",
  "11": "استنكار", "12": "رفض", "13": "تهديد", "14": "احتجاج", "15": "استعراض القوة",
  "16": "خفض العلاقات", "17": "إكراه", "18": "اعتداء", "19": "قتال", "20": "عنف جماعي غير تقليدي",
};

const state = {
  lang: "en", filter: {}, event: null, roots: [], world: null, step: 10,
  days: [], places: [], view: null, cursor: null, events: [], detail: null, stats: null, total: 0,
};
const $ = id => document.getElementById(id);
const t = key => I18N[state.lang][key];

function el(tag, attrs, ...kids) {
  const e = tag.startsWith("svg:") ? document.createElementNS(SVGNS, tag.slice(4)) : document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined && v !== false) e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const k of kids) {
    if (k !== null && k !== undefined) e.append(k instanceof Node ? k : String(k));
  }
  return e;
}

// ---------- the URL is the view ----------
function readUrl() {
  const p = new URLSearchParams(location.search);
  for (const k of FILTERS) state.filter[k] = p.get(k) || "";
  state.event = p.get("event");
  state.lang = p.get("lang") === "ar" ? "ar" : "en";
}
function query(filter, extra) {
  const p = new URLSearchParams();
  for (const k of FILTERS) if (filter[k]) p.set(k, filter[k]);
  for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined && v !== "") p.set(k, v);
  return p.toString();
}
function writeUrl() {
  const q = query(state.filter, { event: state.event, lang: state.lang === "ar" ? "ar" : null });
  history.replaceState(null, "", q ? `?${q}` : location.pathname);
}
async function getJSON(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) throw new Error(body.error || `HTTP ${r.status}`);
  return body;
}
function showError(e) {
  const s = $("summary");
  s.textContent = String(e.message || e);
  s.classList.add("error");
}

// ---------- language ----------
function applyLang() {
  document.documentElement.lang = state.lang;
  document.documentElement.dir = state.lang === "ar" ? "rtl" : "ltr";
  $("lang").textContent = state.lang === "ar" ? "English" : "العربية";
  for (const e of document.querySelectorAll("[data-i18n]")) {
    const v = t(e.dataset.i18n);
    if (typeof v === "string") e.textContent = v;
  }
  for (const e of document.querySelectorAll("[data-i18n-label]")) e.setAttribute("aria-label", t(e.dataset.i18nLabel));
  const legend = $("legend");
  legend.replaceChildren(...QUAD[state.lang].map((name, i) => el("span", {}, el("i", { class: `q${i + 1}` }), name)));
  fillRoots();
}
function rootName(root, english) {
  return state.lang === "ar" && ROOT_AR[root] ? ROOT_AR[root] : (english || root);
}

// ---------- filters form ----------
function setForm() {
  for (const k of FILTERS) {
    const input = $(`f-${k}`);
    if (k === "country" && state.filter.country && !input.querySelector(`option[value="${CSS.escape(state.filter.country)}"]`)) {
      input.append(el("option", { value: state.filter.country }, state.filter.country));
    }
    input.value = state.filter[k] || "";
  }
}
function fillRoots() {
  const sel = $("f-root");
  const current = state.filter.root || sel.value;
  sel.replaceChildren(el("option", { value: "" }, t("any")),
    ...state.roots.map(r => el("option", { value: r.root }, `${r.root} ${rootName(r.root, r.name.toLowerCase())}`)));
  sel.value = current || "";
}
async function loadCountries() {
  const { countries } = await getJSON(`${API}/aggregates/countries`);
  const sel = $("f-country");
  sel.replaceChildren(el("option", { value: "", "data-i18n": "any" }, t("any")),
    ...countries.map(c => el("option", { value: c.country }, `${c.country} (${c.events})`)));
  setForm();
}

// ---------- map ----------
function fitView() {
  const pts = state.places.map(f => f.geometry.coordinates);
  if (!pts.length) return { x: -180, y: -90, w: 360, h: 180 };
  let [x0, x1, y0, y1] = [180, -180, 90, -90];
  for (const [lon, lat] of pts) {
    x0 = Math.min(x0, lon); x1 = Math.max(x1, lon); y0 = Math.min(y0, -lat); y1 = Math.max(y1, -lat);
  }
  let w = Math.max(x1 - x0, 24) * 1.3, h = Math.max(y1 - y0, 12) * 1.3;
  if (w / h > 2) h = w / 2; else w = h * 2;
  w = Math.min(w, 360); h = Math.min(h, 180);
  return clampView({ x: (x0 + x1) / 2 - w / 2, y: (y0 + y1) / 2 - h / 2, w, h });
}
function clampView(v) {
  v.x = Math.min(Math.max(v.x, -180 - v.w / 2), 180 - v.w / 2);
  v.y = Math.min(Math.max(v.y, -90 - v.h / 2), 90 - v.h / 2);
  return v;
}
function setView(v) {
  state.view = clampView(v);
  $("map").setAttribute("viewBox", `${v.x} ${v.y} ${v.w} ${v.h}`);
  drawMarkers();
}
function zoom(factor, cx, cy) {
  const v = state.view;
  const w = Math.min(Math.max(v.w * factor, 2), 360), h = w / 2;
  cx = cx ?? v.x + v.w / 2; cy = cy ?? v.y + v.h / 2;
  setView({ x: cx - (cx - v.x) * (w / v.w), y: cy - (cy - v.y) * (h / v.h), w, h });
}
function drawCountries() {
  if (!state.world) return;
  const g = $("countries");
  const s = 1 / state.world.step;
  g.setAttribute("transform", `scale(${s})`);
  g.replaceChildren(...state.world.countries.map(c => el("svg:path", { d: c.d, "data-name": c.name }, el("svg:title", {}, c.name))));
}
function pxPerDegree() {
  const r = $("map").getBoundingClientRect();
  return Math.max(r.width, 1) / state.view.w;
}
/** Places merged into clusters on a grid of about 40 pixels, so crowded points stay readable. */
function clusters() {
  const ppd = pxPerDegree();
  const cell = 40 / ppd;
  const cells = new Map();
  for (const f of state.places) {
    const [lon, lat] = f.geometry.coordinates;
    const key = `${Math.floor(lon / cell)}:${Math.floor(-lat / cell)}`;
    let c = cells.get(key);
    if (!c) cells.set(key, c = { n: 0, x: 0, y: 0, quad: [0, 0, 0, 0], places: [] });
    const n = f.properties.events;
    c.x += lon * n; c.y += -lat * n; c.n += n;
    f.properties.quad.forEach((q, i) => { c.quad[i] += q; });
    c.places.push(f);
  }
  return [...cells.values()].map(c => ({ ...c, x: c.x / c.n, y: c.y / c.n }));
}
function drawMarkers() {
  const g = $("markers");
  if (!state.view) return;
  const ppd = pxPerDegree();
  const list = clusters().sort((a, b) => b.n - a.n);
  g.replaceChildren(...list.map(c => {
    const q = c.quad.indexOf(Math.max(...c.quad)) + 1;
    const r = Math.min(5 + 1.6 * Math.sqrt(c.n), 19) / ppd;
    const names = c.places.map(f => f.properties.place).join(", ");
    const label = `${c.n} ${t("eventsAt")} ${names}`;
    const lon = c.places.length === 1 ? c.places[0].geometry.coordinates[0] : c.x;
    const lat = c.places.length === 1 ? c.places[0].geometry.coordinates[1] : -c.y;
    const group = el("svg:g", { class: "marker-g" });
    const circle = el("svg:circle", {
      class: `marker q${q}`, cx: c.x, cy: c.y, r, tabindex: 0, role: "button", "aria-label": label,
      "data-count": c.n, "data-lon": lon.toFixed(4), "data-lat": lat.toFixed(4), "data-places": c.places.length, "data-names": names,
    }, el("svg:title", {}, label));
    const open = () => {
      if (c.places.length > 1 && state.view.w > 4) {
        zoom(0.35, c.x, c.y);
      } else {
        state.filter.country = c.places[0].properties.country || "";
        setForm();
        refresh(true);
      }
    };
    circle.addEventListener("click", open);
    circle.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); open(); } });
    group.append(circle);
    if (c.n > 1) group.append(el("svg:text", { class: "marker-label", x: c.x, y: c.y, "font-size": 10 / ppd }, c.n));
    return group;
  }));
}
function bindMap() {
  const svg = $("map");
  $("zoom-in").addEventListener("click", () => zoom(0.5));
  $("zoom-out").addEventListener("click", () => zoom(2));
  $("zoom-fit").addEventListener("click", () => setView(fitView()));
  svg.addEventListener("keydown", e => {
    const v = state.view, step = v.w / 8;
    const moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step / 2], ArrowDown: [0, step / 2] };
    if (moves[e.key]) { e.preventDefault(); setView({ ...v, x: v.x + moves[e.key][0], y: v.y + moves[e.key][1] }); }
    else if (e.key === "+" || e.key === "=") { e.preventDefault(); zoom(0.5); }
    else if (e.key === "-") { e.preventDefault(); zoom(2); }
  });
  svg.addEventListener("wheel", e => {
    e.preventDefault();
    const r = svg.getBoundingClientRect(), v = state.view;
    zoom(e.deltaY < 0 ? 0.8 : 1.25, v.x + (e.clientX - r.left) / r.width * v.w, v.y + (e.clientY - r.top) / r.height * v.h);
  }, { passive: false });
  let drag = null;
  svg.addEventListener("pointerdown", e => {
    if (e.target.classList.contains("marker")) return;
    drag = { x: e.clientX, y: e.clientY, view: { ...state.view } };
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", e => {
    if (!drag) return;
    const ppd = pxPerDegree();
    setView({ ...drag.view, x: drag.view.x - (e.clientX - drag.x) / ppd, y: drag.view.y - (e.clientY - drag.y) / ppd });
  });
  svg.addEventListener("pointerup", () => { drag = null; });
  window.addEventListener("resize", () => drawMarkers());
}

// ---------- timeline ----------
const DAY = 86400000;
const dayOf = s => Date.parse(`${s}T00:00:00Z`);
const isoDay = ms => new Date(ms).toISOString().slice(0, 10);
/**
 * The days the timeline spans: all of them, unless a few stray dates (an event dated years
 * before the corpus) would squeeze the rest into a sliver; then the days holding the middle 98 %
 * of the events, the others counted beside the axis.
 */
function timelineRange() {
  if (!state.days.length) return null;
  const all = { first: dayOf(state.days[0].date), last: dayOf(state.days[state.days.length - 1].date) };
  const total = state.days.reduce((s, d) => s + d.total, 0);
  let seen = 0, lo = 0, hi = state.days.length - 1;
  for (let i = 0; i < state.days.length; i++) {
    seen += state.days[i].total;
    if (seen <= total * 0.01) lo = i + 1;
    if (seen < total * 0.99) hi = i + 1;
  }
  hi = Math.min(Math.max(hi, lo), state.days.length - 1);
  let first = dayOf(state.days[lo].date), last = dayOf(state.days[hi].date);
  if ((all.last - all.first) < 3 * (last - first + DAY)) { first = all.first; last = all.last; }
  return { first, last, n: Math.round((last - first) / DAY) + 1 };
}
function drawTimeline() {
  const g = $("bars");
  const range = timelineRange();
  if (!range) { g.replaceChildren(); $("tl-first").textContent = $("tl-last").textContent = ""; drawBrush(); return; }
  const inside = state.days.filter(d => dayOf(d.date) >= range.first && dayOf(d.date) <= range.last);
  const before = state.days.filter(d => dayOf(d.date) < range.first).reduce((s, d) => s + d.total, 0);
  const after = state.days.filter(d => dayOf(d.date) > range.last).reduce((s, d) => s + d.total, 0);
  $("tl-first").textContent = `${before ? `(+${before} ${t("earlier")}) ` : ""}${isoDay(range.first)}`;
  $("tl-last").textContent = `${isoDay(range.last)}${after ? ` (+${after} ${t("later")})` : ""}`;
  const bw = 800 / range.n;
  const max = Math.max(...inside.map(d => d.total), 1);
  const bars = [];
  for (const d of inside) {
    const x = Math.round((dayOf(d.date) - range.first) / DAY) * bw;
    let y = 120;
    const col = el("svg:g", { class: "day", "data-date": d.date, "data-total": d.total });
    d.quad.forEach((n, i) => {
      if (!n) return;
      const h = n / max * 115;
      y -= h;
      col.append(el("svg:rect", { class: `q${i + 1}`, x: x + bw * 0.08, y, width: Math.max(bw * 0.84, 0.5), height: h }));
    });
    col.append(el("svg:title", {}, `${d.date}: ${d.total}`));
    bars.push(col);
  }
  g.replaceChildren(...bars);
  drawBrush();
}
function drawBrush() {
  const b = $("brush");
  const range = timelineRange();
  const { from, to } = state.filter;
  const tl = $("timeline");
  if (!range || (!from && !to)) {
    b.setAttribute("width", 0);
    $("tl-range").textContent = t("allDates");
    tl.setAttribute("aria-valuetext", t("allDates"));
    return;
  }
  const bw = 800 / range.n;
  const a = from ? Math.min(range.n - 1, Math.max(0, (dayOf(from) - range.first) / DAY)) : 0;
  const z = to ? Math.max(a, Math.min(range.n - 1, (dayOf(to) - range.first) / DAY)) : range.n - 1;
  b.setAttribute("x", a * bw);
  b.setAttribute("width", Math.max((z - a + 1) * bw, 1));
  const text = `${from || state.days[0].date} – ${to || state.days[state.days.length - 1].date}`;
  $("tl-range").textContent = text;
  tl.setAttribute("aria-valuetext", text);
}
function setDates(from, to) {
  state.filter.from = from; state.filter.to = to;
  setForm(); drawBrush(); refresh(false);
}
function bindTimeline() {
  const svg = $("timeline");
  let start = null;
  const dayAt = e => {
    const range = timelineRange();
    const r = svg.getBoundingClientRect();
    const i = Math.min(range.n - 1, Math.max(0, Math.floor((e.clientX - r.left) / r.width * range.n)));
    return range.first + i * DAY;
  };
  svg.addEventListener("pointerdown", e => {
    if (!timelineRange()) return;
    start = dayAt(e);
    svg.setPointerCapture(e.pointerId);
  });
  svg.addEventListener("pointermove", e => {
    if (start === null) return;
    const d = dayAt(e);
    state.filter.from = isoDay(Math.min(start, d)); state.filter.to = isoDay(Math.max(start, d));
    drawBrush();
  });
  svg.addEventListener("pointerup", e => {
    if (start === null) return;
    const d = dayAt(e);
    const a = Math.min(start, d), z = Math.max(start, d);
    start = null;
    setDates(isoDay(a), isoDay(z));
  });
  svg.addEventListener("keydown", e => {
    const range = timelineRange();
    if (!range) return;
    const from = state.filter.from ? dayOf(state.filter.from) : range.last;
    const to = state.filter.to ? dayOf(state.filter.to) : range.last;
    const clamp = ms => Math.min(range.last, Math.max(range.first, ms));
    const dir = (e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0) * (document.documentElement.dir === "rtl" ? -1 : 1);
    if (dir) {
      e.preventDefault();
      if (e.shiftKey) setDates(isoDay(from), isoDay(clamp(Math.max(from, to + dir * DAY))));
      else setDates(isoDay(clamp(from + dir * DAY)), isoDay(clamp(to + dir * DAY)));
    } else if (e.key === "Escape") {
      e.preventDefault();
      setDates("", "");
    }
  });
}
function drawQuadCounts() {
  const { from, to } = state.filter;
  const sums = [0, 0, 0, 0];
  for (const d of state.days) {
    if ((from && d.date < from) || (to && d.date > to)) continue;
    d.quad.forEach((n, i) => { sums[i] += n; });
  }
  $("quadcounts").replaceChildren(...sums.map((n, i) => el("span", { "data-quad": i + 1 }, el("i", { class: `q${i + 1}` }), `${QUAD[state.lang][i]}: ${n}`)));
}

// ---------- events ----------
function actorText(a) {
  return a ? a.code : "—";
}
function eventRow(ev) {
  const head = el("span", { class: "ev-head" },
    el("b", {}, ev.date || "—"),
    el("span", { class: `tag q${ev.quad_class}` }, `${ev.cameo} ${rootName(ev.cameo_root, ev.cameo_name)}`),
    el("span", { dir: "ltr" }, `${actorText(ev.source)} → ${actorText(ev.target)}`),
    ev.place ? el("span", {}, `${ev.place.name}${ev.place.country ? `, ${ev.place.country}` : ""}`) : null,
    ev.negated ? el("span", {}, t("negated")) : null);
  const text = el("span", { class: "ev-text", dir: ev.lang === "ar" ? "rtl" : "auto", lang: ev.lang }, ev.evidence);
  const b = el("button", { type: "button", "data-id": ev.id, "aria-expanded": String(String(ev.id) === state.event), "aria-controls": "detail" }, head, text);
  b.addEventListener("click", () => openEvent(ev.id));
  return el("li", {}, b);
}
function drawEvents() {
  const list = $("events");
  $("count").textContent = `(${t("nEvents")(state.total)})`;
  list.replaceChildren(...(state.events.length ? state.events.map(eventRow) : [el("li", { class: "empty" }, t("noEvents"))]));
  $("more").hidden = !state.cursor;
}
async function moreEvents() {
  const page = await getJSON(`${API}/events?${query(state.filter, { limit: 50, cursor: state.cursor })}`);
  state.events.push(...page.events);
  state.cursor = page.next_cursor;
  drawEvents();
}

// ---------- one event ----------
async function openEvent(id) {
  state.event = String(id);
  writeUrl();
  for (const b of document.querySelectorAll("#events button")) b.setAttribute("aria-expanded", String(b.dataset.id === state.event));
  const panel = $("detail");
  panel.hidden = false;
  $("detail-body").replaceChildren(el("p", {}, t("loading")));
  try {
    state.detail = await getJSON(`${API}/events/${encodeURIComponent(id)}`);
    drawDetail();
    panel.focus({ preventScroll: false });
  } catch (e) {
    $("detail-body").replaceChildren(el("p", { class: "error" }, String(e.message || e)));
  }
}
function closeEvent() {
  state.event = null; state.detail = null;
  $("detail").hidden = true;
  writeUrl();
  for (const b of document.querySelectorAll("#events button")) b.setAttribute("aria-expanded", "false");
}
function drawDetail() {
  const ev = state.detail;
  if (!ev) return;
  const dir = lang => (lang === "ar" ? "rtl" : "auto");
  const actor = a => (a ? `${a.code} · ${a.name}${a.country ? ` (${a.country})` : ""}` : "—");
  const kv = [
    [t("code"), `${ev.cameo} ${ev.cameo_name} · ${rootName(ev.cameo_root, ev.root_name)} · ${QUAD[state.lang][ev.quad_class - 1] || ""} · Goldstein ${ev.goldstein}${ev.plover ? ` · PLOVER ${ev.plover}` : ""}`],
    [t("date"), `${ev.date || "—"}${ev.date_basis ? ` (${ev.date_basis})` : ""}`],
    [t("source"), actor(ev.source)],
    [t("target"), actor(ev.target)],
    [t("place"), ev.place ? `${ev.place.name}${ev.place.country ? `, ${ev.place.country}` : ""}${ev.place_basis ? ` (${ev.place_basis})` : ""}` : "—"],
    [t("modality"), `${ev.modality}${ev.negated ? `, ${t("negated")}` : ""}`],
    [t("confidence"), ev.confidence.toFixed(2)],
    [t("counts"), `${ev.num_mentions} / ${ev.num_sources} / ${ev.num_articles}`],
  ];
  const dl = el("dl", { class: "kv" });
  for (const [k, v] of kv) dl.append(el("dt", {}, k), el("dd", {}, v));
  // the rule and the explanation are English with Arabic quoted in them: left to right, always
  dl.append(el("dt", {}, t("rule")), el("dd", {}, el("code", { id: "d-rule", dir: "ltr" }, ev.rule)));
  dl.append(el("dt", {}, t("explanation")), el("dd", { id: "d-explanation", dir: "ltr", lang: "en" }, ev.explanation || "—"));
  // <bdi> keeps an Arabic outlet or title from reordering the dates and numbers beside it
  const mentions = el("ol", { class: "mentions" }, ...ev.mentions.map(m => el("li", {},
    el("bdi", {}, m.article.site || ""), " · ",
    m.article.url ? el("a", { href: m.article.url, target: "_blank", rel: "noopener noreferrer", dir: "auto" }, m.article.title || m.article.url) : el("bdi", {}, m.article.title || ""),
    " · ", el("bdi", { dir: "ltr" }, (m.article.published || "").slice(0, 10)), ` · ${m.headline ? t("headline") : t("sentence")(m.sentence)}`,
    el("q", { class: "mention-text", dir: dir(m.lang), lang: m.lang || null }, m.text))));
  const story = ev.story;
  const articles = el("ul", { class: "mentions" }, ...story.articles.map(a => el("li", {},
    el("bdi", {}, a.site || ""), " · ",
    a.url ? el("a", { href: a.url, target: "_blank", rel: "noopener noreferrer", dir: "auto" }, a.title || a.url) : el("span", { dir: "auto" }, a.title || ""),
    ...a.copies.map(c => el("span", {}, " · ", el("a", { href: c.url, target: "_blank", rel: "noopener noreferrer" }, `${t("copy")}: ${c.site || c.url}`))))));
  $("detail-body").replaceChildren(
    el("blockquote", { class: "evidence", id: "d-evidence", dir: dir(ev.lang), lang: ev.lang }, ev.evidence),
    dl,
    el("h3", {}, t("reported")), mentions,
    el("h3", {}, `${t("story")} ${story.id}: `, el("span", { dir: "auto" }, story.title || "")),
    el("p", {}, `${t("outlets")}: `, el("span", { id: "d-outlets", dir: "auto" }, story.outlets.join("، "))),
    articles);
}

// ---------- dyads ----------
function drawDyads(dyads) {
  $("dyads").replaceChildren(...dyads.map(d => {
    const pick = code => {
      const b = el("button", { type: "button", title: code, dir: "ltr" }, code);
      b.addEventListener("click", () => { state.filter.actor = code; setForm(); refresh(true); });
      return b;
    };
    return el("tr", {}, el("td", {}, pick(d.source), " ", el("span", { class: "note" }, d.source_name)),
      el("td", {}, pick(d.target), " ", el("span", { class: "note" }, d.target_name)),
      el("td", { class: "n" }, d.events), el("td", { class: "n" }, d.mentions));
  }));
}

// ---------- loading ----------
function updateExports() {
  const q = query(state.filter);
  for (const f of ["csv", "gdelt", "jsonl"]) $(`x-${f}`).href = `${API}/export?${query(state.filter, { format: f })}`;
  $("x-geojson").href = `${API}/geojson${q ? `?${q}` : ""}`;
}
let generation = 0;
/** Reloads what the filters change; the timeline too unless only the dates moved. */
async function refresh(withTimeline) {
  const my = ++generation;
  writeUrl();
  updateExports();
  const f = state.filter;
  const noDates = { ...f, from: "", to: "" };
  try {
    const [page, geo, dyads, daily] = await Promise.all([
      getJSON(`${API}/events?${query(f, { limit: 50 })}`),
      getJSON(`${API}/geojson?${query(f)}`),
      getJSON(`${API}/aggregates/dyads?${query(f, { limit: 10 })}`),
      withTimeline ? getJSON(`${API}/aggregates/daily?${query(noDates)}`) : Promise.resolve(null),
    ]);
    if (my !== generation) return;
    state.events = page.events; state.cursor = page.next_cursor; state.total = page.total;
    state.places = geo.features;
    if (daily) { state.days = daily.days; drawTimeline(); }
    if (!state.view) state.view = fitView();
    setView(state.view);
    drawEvents(); drawDyads(dyads.dyads); drawQuadCounts();
    document.body.dataset.ready = String(my);
  } catch (e) {
    showError(e);
  }
}
async function init() {
  readUrl();
  applyLang();
  setForm();
  bindMap();
  bindTimeline();
  $("filters").addEventListener("submit", e => {
    e.preventDefault();
    for (const k of FILTERS) state.filter[k] = $(`f-${k}`).value.trim();
    state.view = null; // fit the map to the new selection
    refresh(true);
  });
  $("reset").addEventListener("click", () => {
    for (const k of FILTERS) state.filter[k] = "";
    setForm(); state.view = null; refresh(true);
  });
  $("more").addEventListener("click", () => moreEvents().catch(showError));
  $("close").addEventListener("click", closeEvent);
  document.addEventListener("keydown", e => { if (e.key === "Escape" && !$("detail").hidden && e.target.id !== "timeline") closeEvent(); });
  $("lang").addEventListener("click", () => {
    state.lang = state.lang === "ar" ? "en" : "ar";
    applyLang(); writeUrl(); drawEvents(); drawDetail(); drawQuadCounts(); drawMarkers(); drawBrush();
    if (state.stats) $("summary").textContent = t("summary")(state.stats);
  });
  const world = getJSON("/world.json").then(w => { state.world = w; drawCountries(); });
  const codes = getJSON(`${API}/codes`).then(c => { state.roots = c.roots; fillRoots(); });
  const stats = getJSON(`${API}/stats`).then(s => { state.stats = s; $("summary").textContent = t("summary")(s); });
  await Promise.all([world, codes, stats, loadCountries(), refresh(true)]).catch(showError);
  // first complete render (map, timeline, list), for the benchmark in tests/browser
  document.body.dataset.rendered = String(Math.round(performance.now()));
  if (state.event) openEvent(state.event);
}
document.addEventListener("DOMContentLoaded", init);
