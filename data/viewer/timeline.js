// Script of timeline.html, the offline viewer. Compiled into the binary and inlined into
// every timeline.html, with the Story's data as JSON in the script element "chronograph-data".
// Format: plain browser JavaScript (no modules, no build step); never the characters of a CDATA end marker or a
// closing script tag (the page is also well-formed XML). Text from articles only reaches
// the page through textContent, never as markup.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("chronograph-data").textContent);
  var NS = "http://www.w3.org/2000/svg";
  var EV = D.events;
  var PLOT_X0 = 150, RIGHT = 24, AXIS_Y = 44, LANES_Y0 = 58;
  var MARK_ROW = 13, LABEL_ROW = 16, MAX_LABEL_ROWS = 8, MAX_MARK_ROWS = 5;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var UNITS = [[1, 0], [2, 0], [7, 0], [14, 0], [0, 1], [0, 2], [0, 3], [0, 6], [0, 12], [0, 24], [0, 60], [0, 120], [0, 240], [0, 600], [0, 1200]];

  var view = { u0: 0, u1: 1 };
  var selected = -1, pendingSelect = -1;
  var shown = new Uint8Array(EV.length);
  var laneEvents = D.lanes.map(function () { return []; });
  var laneShown = [];
  var undatedEvents = [];
  var hay = [];

  // Fields at their default are left out of the data (no actors, places or sources; no
  // fade, not hollow, no conflict: undefined reads as those).
  EV.forEach(function (e, i) {
    e.actors = e.actors || [];
    e.places = e.places || [];
    e.sources = e.sources || [];
    if (e.lane >= 0) laneEvents[e.lane].push(i); else undatedEvents.push(i);
  });
  laneEvents.forEach(function (list) {
    list.sort(function (x, y) { return EV[x].a - EV[y].a || x - y; });
  });
  var laneMaxLen = laneEvents.map(function (list) {
    var m = 0;
    list.forEach(function (i) { m = Math.max(m, EV[i].b - EV[i].a); });
    return m;
  });

  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, text) {
    var n = document.createElement(tag);
    if (attrs) for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  function sv(tag, attrs, text) {
    var n = document.createElementNS(NS, tag);
    if (attrs) for (var k in attrs) n.setAttribute(k, attrs[k]);
    if (text !== undefined) n.textContent = text;
    return n;
  }
  // Text is measured with the page's own fonts (a canvas), estimated if there is none.
  var measure = document.createElement("canvas").getContext("2d");
  function textWidth(s, size, bold) {
    if (!measure) return s.length * size * 0.62;
    measure.font = (bold ? "bold " : "") + size + "px \"DejaVu Sans\", Verdana, Arial, Helvetica, sans-serif";
    return measure.measureText(s).width;
  }
  function fit(s, size, w, bold) {
    if (textWidth(s, size, bold) <= w) return s;
    var lo = 0, hi = s.length;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (textWidth(s.slice(0, mid) + "\u2026", size, bold) <= w) lo = mid; else hi = mid - 1;
    }
    return s.slice(0, lo).replace(/\s+$/, "") + "\u2026";
  }
  // The page holds the first pieces of an event's evidence and of a conflict's claims;
  // n, when there are more, says how many there are (events.json has them all).
  function evidenceCount(e) { return e.n || e.ev.length; }
  function firstOf(n, shown, what) {
    return "the first " + shown + " of " + n.toLocaleString("en") + " " + what + " (events.json has every one)";
  }
  function distinct(list) { return list.filter(function (x, k) { return list.indexOf(x) === k; }); }
  function docOf(i) { return D.docs[i] || { id: "?", title: "", path: "", dct: "" }; }
  function entName(i) { return D.ents[i] ? D.ents[i].name : "?"; }

  // ---- filters ----------------------------------------------------------------------
  function fillSelect(id, label, counts, nameOf) {
    var sel = $(id);
    sel.appendChild(el("option", { value: "" }, label));
    Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a] || (nameOf(a) < nameOf(b) ? -1 : 1); })
      .forEach(function (k) { sel.appendChild(el("option", { value: k }, nameOf(k) + " (" + counts[k] + ")")); });
    sel.addEventListener("change", applyFilters);
  }
  function tally(key) {
    var counts = {};
    EV.forEach(function (e) {
      var v = e[key];
      (Array.isArray(v) ? v : [v]).forEach(function (x) { if (x !== "" && x !== undefined) counts[x] = (counts[x] || 0) + 1; });
    });
    return counts;
  }
  function haystack(i) {
    if (hay[i] === undefined) {
      var e = EV[i], parts = [e.label, e.when, e.type];
      e.ev.forEach(function (m) { parts.push(m.s); });
      e.actors.forEach(function (a) { parts.push(entName(a)); });
      e.places.forEach(function (a) { parts.push(entName(a)); });
      hay[i] = parts.join("\n").toLowerCase();
    }
    return hay[i];
  }
  function applyFilters() {
    var actor = $("f-actor").value, place = $("f-place").value, type = $("f-type").value, status = $("f-status").value;
    var q = $("f-search").value.trim().toLowerCase();
    var n = 0;
    for (var i = 0; i < EV.length; i++) {
      var e = EV[i];
      var ok = (actor === "" || e.actors.indexOf(+actor) >= 0) && (place === "" || e.places.indexOf(+place) >= 0) &&
               (type === "" || e.type === type) && (status === "" || e.status === status) && (q === "" || haystack(i).indexOf(q) >= 0);
      shown[i] = ok ? 1 : 0;
      n += shown[i];
    }
    laneShown = laneEvents.map(function (list) { return list.filter(function (i) { return shown[i]; }); });
    $("count").textContent = "Showing " + n.toLocaleString("en") + " of " + EV.length.toLocaleString("en") + " events";
    renderUndated();
    schedule();
  }
  function readHash() {
    var h = decodeURIComponent(location.hash.replace(/^#/, ""));
    if (!h) return;
    h.split("&").forEach(function (kv) {
      var p = kv.split("="), k = p[0], v = p.slice(1).join("=");
      if (k === "q") $("f-search").value = v;
      if (k === "view") {
        var uv = v.split(",").map(Number);
        if (uv.length === 2 && uv[0] < uv[1]) { view.u0 = uv[0]; view.u1 = uv[1]; }
      }
      if (k === "event") EV.forEach(function (e, i) { if (e.id === v) pendingSelect = i; });
      var sel = { actor: "f-actor", place: "f-place", type: "f-type", status: "f-status" }[k];
      if (!sel) return;
      Array.prototype.forEach.call($(sel).options, function (o) {
        var name = o.textContent.replace(/ \(\d+\)$/, "");
        if (o.value === v || name === v) $(sel).value = o.value;
      });
    });
  }

  // ---- time scale ---------------------------------------------------------------------
  // u in [0, 1] is the compressed time of the static timeline (breaks included); the view
  // shows [view.u0, view.u1] of it across the plot.
  function plotW() { return Math.max(200, $("chart").clientWidth - PLOT_X0 - RIGHT); }
  // The plot's width in the frame being drawn, measured once per frame (render): measured
  // per event, each reading forced a layout of what the frame had drawn so far, 1.6 s a
  // frame for 794,302 events.
  var frameW = 0;
  function px(u) { return PLOT_X0 + (u - view.u0) / (view.u1 - view.u0) * frameW; }
  function dayLabel(day, unit) {
    var d = new Date(day * 86400000);
    if (unit[0]) return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
    if (unit[1] < 12) return MONTHS[d.getUTCMonth()];
    return String(d.getUTCFullYear());
  }
  function ticks() {
    var out = [], W = plotW();
    D.segs.forEach(function (s) {
      var from = s[0], to = s[1], su0 = s[2], su1 = s[3];
      var a = Math.max(su0, view.u0), b = Math.min(su1, view.u1);
      if (b <= a) return;
      var dayAt = function (u) { return from + (u - su0) / (su1 - su0) * (to - from); };
      var pxPerDay = W / (view.u1 - view.u0) * (su1 - su0) / (to - from);
      var unit = UNITS[UNITS.length - 1];
      for (var k = 0; k < UNITS.length; k++) {
        var u = UNITS[k], need = u[0] ? 46 : u[1] < 12 ? 34 : 40;
        if ((u[0] || u[1] * 30.44) * pxPerDay >= need) { unit = u; break; }
      }
      var d0 = Math.ceil(dayAt(a)), d1 = Math.floor(dayAt(b));
      var start = new Date(d0 * 86400000), list = [];
      if (unit[0]) {
        var y = start.getUTCFullYear(), m = start.getUTCMonth();
        for (var guard = 0; guard < 2000; guard++) {
          var last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
          for (var dd = 1; dd <= last; dd += unit[0]) {
            if (unit[0] >= 7 && dd + unit[0] / 2 > 29) break;
            var t = Date.UTC(y, m, dd) / 86400000;
            if (t > d1) { guard = 1e9; break; }
            if (t >= d0) list.push(t);
          }
          m++; if (m === 12) { m = 0; y++; }
        }
      } else {
        var yy = start.getUTCFullYear(), mm = start.getUTCMonth();
        if (unit[1] >= 12) { var step = unit[1] / 12; yy = Math.floor(yy / step) * step; mm = 0; } else { mm = Math.floor(mm / unit[1]) * unit[1]; }
        for (var g = 0; g < 5000; g++) {
          var tt = Date.UTC(yy, mm, 1) / 86400000;
          if (tt > d1) break;
          if (tt >= d0) list.push(tt);
          mm += unit[1];
        }
      }
      var shownYear = null;
      list.forEach(function (day) {
        var yr = new Date(day * 86400000).getUTCFullYear();
        var u = su0 + (day - from) / (to - from) * (su1 - su0);
        out.push({ x: px(u), label: dayLabel(day, unit), context: unit[1] < 12 && yr !== shownYear ? String(yr) : "" });
        shownYear = yr;
      });
    });
    return out;
  }

  // ---- drawing ------------------------------------------------------------------------
  var pending = false;
  function schedule() {
    if (pending) return;
    pending = true;
    window.requestAnimationFrame(function () { pending = false; render(); });
  }
  function lowerBound(list, u) {
    var lo = 0, hi = list.length;
    while (lo < hi) { var mid = (lo + hi) >> 1; if (EV[list[mid]].a < u) lo = mid + 1; else hi = mid; }
    return lo;
  }
  function visible(l) {
    var list = laneShown[l] || [], span = view.u1 - view.u0, pad = span * 0.02;
    var i = lowerBound(list, view.u0 - pad - laneMaxLen[l]), out = [];
    for (; i < list.length; i++) {
      var e = EV[list[i]];
      if (e.a > view.u1 + pad) break;
      if (e.b >= view.u0 - pad) out.push(list[i]);
    }
    return out;
  }
  function priority(x, y) {
    var a = EV[x], b = EV[y];
    return (b.conflict ? 1 : 0) - (a.conflict ? 1 : 0) || evidenceCount(b) - evidenceCount(a) || x - y;
  }
  function defs(svg) {
    var d = sv("defs");
    D.lanes.forEach(function (lane, l) {
      [["fb", [0, 0.3, 0.7, 1], [0, 1, 1, 0]], ["fs", [0, 0.4], [0, 1]], ["fe", [0.6, 1], [1, 0]]].forEach(function (g) {
        var lg = sv("linearGradient", { id: g[0] + l });
        g[1].forEach(function (off, k) { lg.appendChild(sv("stop", { offset: off, "stop-color": lane.color, "stop-opacity": g[2][k] })); });
        d.appendChild(lg);
      });
    });
    // Marks, leaders and the grid stay inside the plot; lane titles keep the left margin.
    var clip = sv("clipPath", { id: "plot-clip" });
    clip.appendChild(sv("rect", { x: PLOT_X0 - 6, y: 0, width: plotW() + RIGHT + 6, height: 100000 }));
    d.appendChild(clip);
    svg.appendChild(d);
  }
  function drawMark(g, i, x0, x1, y, color, l) {
    var e = EV[i], hollow = e.hollow, point = x1 - x0 < 4, shape;
    var grp = sv("g", { "class": "mark", "data-i": i });
    grp.appendChild(sv("title", null, e.label + "\n" + e.when + " \u00b7 " + e.status));
    var paint = color;
    if (e.fade && !point) paint = "url(#" + ["", "fs", "fe", "fb"][e.fade] + l + ")";
    if (point) {
      var cx = (x0 + x1) / 2;
      shape = sv("circle", { cx: cx, cy: y, r: hollow ? 4.2 : 4.8, fill: hollow ? "#fff" : color, stroke: hollow ? color : "#fff", "stroke-width": hollow ? 1.8 : 0.8 });
      x0 = x1 = cx;
    } else {
      shape = sv("rect", { x: x0, y: y - 4, width: x1 - x0, height: 8, rx: 2.5, fill: paint });
      if (hollow) { shape.setAttribute("fill-opacity", "0.16"); shape.setAttribute("stroke", paint); shape.setAttribute("stroke-width", "1.8"); }
    }
    if (hollow) shape.setAttribute("stroke-dasharray", "2.4 1.8");
    if (i === selected) shape.classList.add("selected");
    grp.appendChild(shape);
    if (e.conflict) {
      grp.appendChild(sv("circle", { cx: x1 + 9, cy: y, r: 5.5, fill: "#d42a2a", stroke: "#fff", "stroke-width": 0.8 }));
      grp.appendChild(sv("text", { x: x1 + 9, y: y + 3, "class": "bucket-count" }, String(e.conflict)));
    }
    g.appendChild(grp);
  }
  function render() {
    var started = window.performance ? performance.now() : 0;
    var svg = $("tl"), W = frameW = plotW(), width = PLOT_X0 + W + RIGHT;
    while (svg.firstChild) svg.removeChild(svg.firstChild);
    defs(svg);
    var back = sv("g"), grid = sv("g", { "clip-path": "url(#plot-clip)" }), marks = sv("g", { "clip-path": "url(#plot-clip)" }), labels = sv("g");
    svg.appendChild(back); svg.appendChild(grid);
    var y = LANES_Y0;
    D.lanes.forEach(function (lane, l) {
      var ids = visible(l), top = y, h;
      var g = sv("g");
      if (ids.length > W / 7) {
        // Crowded: one bar per 12 px bucket, its height the number of events; click to zoom.
        var B = 12, n = Math.ceil(W / B), counts = new Array(n).fill(0), peak = 1;
        ids.forEach(function (i) {
          var x = (px(EV[i].a) + px(EV[i].b)) / 2 - PLOT_X0, k = Math.floor(x / B);
          if (k >= 0 && k < n) { counts[k]++; peak = Math.max(peak, counts[k]); }
        });
        counts.forEach(function (c, k) {
          if (!c) return;
          var bh = 5 + 25 * Math.sqrt(c / peak), bx = PLOT_X0 + k * B;
          var bar = sv("rect", { x: bx + 1, y: top + 40 - bh, width: B - 2, height: bh, fill: lane.color, "class": "bucket", "data-x": bx + B / 2 });
          bar.appendChild(sv("title", null, c + " events \u2014 click to zoom in"));
          g.appendChild(bar);
        });
        g.appendChild(sv("text", { x: PLOT_X0, y: top + 54, "class": "lane-sub" }, ids.length.toLocaleString("en") + " events here: zoom in (wheel, +, or click a bar) to see them one by one"));
        h = 64;
      } else {
        var rowEnd = [], placed = [];
        ids.forEach(function (i) {
          var x0 = px(EV[i].a), x1 = px(EV[i].b);
          if (x1 - x0 < 4) x0 = x1 = (x0 + x1) / 2;
          var r = 0;
          while (r < rowEnd.length && rowEnd[r] > x0 - 6) r++;
          if (r >= MAX_MARK_ROWS) r = MAX_MARK_ROWS - 1;
          rowEnd[r] = Math.max(rowEnd[r] || 0, x1 + (EV[i].conflict ? 20 : 6));
          placed.push({ i: i, x0: x0, x1: x1, y: top + 16 + r * MARK_ROW });
        });
        var marksBottom = top + 16 + Math.max(0, rowEnd.length - 1) * MARK_ROW + 10;
        var rows = [], usedRows = 0;
        placed.slice().sort(function (p, q) { return priority(p.i, q.i); }).forEach(function (p) {
          var e = EV[p.i], dateW = textWidth(e.when, 10, true);
          var rest = fit(" \u00b7 " + e.label, 11.5, Math.max(60, 320 - dateW));
          var w = dateW + textWidth(rest, 11.5) + 6, lx = Math.min(Math.max(p.x0 - 3, PLOT_X0 - 4), PLOT_X0 + W + RIGHT - w);
          for (var r = 0; r < MAX_LABEL_ROWS; r++) {
            var row = rows[r] || (rows[r] = []), free = true;
            for (var k = 0; k < row.length; k++) if (lx < row[k][1] + 6 && row[k][0] < lx + w + 6) { free = false; break; }
            if (!free) continue;
            row.push([lx, lx + w]);
            usedRows = Math.max(usedRows, r + 1);
            var ly = marksBottom + r * LABEL_ROW;
            var lx0 = Math.max(p.x0, PLOT_X0);
            var lead = sv("path", { d: "M" + lx0 + " " + (p.y + 4) + " L" + lx0 + " " + (ly + 2), stroke: "#9aa0a8", "stroke-width": 0.7, fill: "none" });
            grid.appendChild(lead);
            var lg = sv("g", { "class": "mark", "data-i": p.i });
            lg.appendChild(sv("rect", { x: lx, y: ly, width: w, height: LABEL_ROW - 2, rx: 2, fill: "#fff", "fill-opacity": 0.9 }));
            var t = sv("text", { x: lx + 3, y: ly + 11, "class": "lbl" });
            var date = sv("tspan", { "class": "lbl-date", fill: lane.color }, e.when);
            t.appendChild(date);
            t.appendChild(document.createTextNode(rest));
            lg.appendChild(t);
            labels.appendChild(lg);
            break;
          }
        });
        placed.forEach(function (p) { drawMark(marks, p.i, p.x0, p.x1, p.y, lane.color, l); });
        h = Math.max(56, marksBottom - top + usedRows * LABEL_ROW + 8);
      }
      if (l % 2 === 0) back.appendChild(sv("rect", { x: 0, y: top, width: width, height: h, fill: "#f6f7f9" }));
      back.appendChild(sv("rect", { x: 0, y: top, width: 5, height: h, fill: lane.color }));
      back.appendChild(sv("text", { x: 12, y: top + 17, "class": "lane-title", fill: lane.color }, fit(lane.title, 12, PLOT_X0 - 20, true)));
      back.appendChild(sv("text", { x: 12, y: top + 31, "class": "lane-sub" }, lane.sub));
      marks.appendChild(g);
      y += h;
    });
    if (!D.lanes.length) {
      svg.appendChild(sv("text", { x: PLOT_X0, y: LANES_Y0 + 20, "class": "lane-sub" }, "No dated events: no date in the articles could be tied to an event."));
      y += 40;
    }
    var bottom = y;
    // Breaks (cut stretches of time), grid and axis.
    for (var s = 0; s + 1 < D.segs.length; s++) {
      var bx0 = px(D.segs[s][3]) + 4, bx1 = px(D.segs[s + 1][2]) - 4;
      if (bx1 < PLOT_X0 || bx0 > PLOT_X0 + W) continue;
      var band = sv("rect", { x: bx0, y: AXIS_Y - 8, width: Math.max(1, bx1 - bx0), height: bottom - AXIS_Y + 8, fill: "#e3e5e8", opacity: 0.7 });
      var years = (D.segs[s + 1][0] - D.segs[s][1]) / 365.25;
      band.appendChild(sv("title", null, (years >= 2 ? Math.round(years) + " years" : Math.round(years * 12) + " months") + " left out"));
      grid.appendChild(band);
    }
    ticks().forEach(function (t) {
      if (t.x < PLOT_X0 - 1 || t.x > PLOT_X0 + W + 1) return;
      grid.appendChild(sv("line", { x1: t.x, y1: AXIS_Y, x2: t.x, y2: bottom, stroke: "#dadde2", "stroke-width": 0.7 }));
      // a tick at the start of the axis is written rightwards, not cut by the lane labels
      var anchor = t.x - PLOT_X0 < 24 ? "start" : "middle";
      grid.appendChild(sv("text", { x: t.x, y: AXIS_Y - 6, "class": "tick", style: "text-anchor:" + anchor }, t.label));
      if (t.context) grid.appendChild(sv("text", { x: t.x, y: AXIS_Y - 19, "class": "tick-year", style: "text-anchor:" + anchor }, t.context));
    });
    if (D.lanes.length) grid.appendChild(sv("line", { x1: PLOT_X0, y1: AXIS_Y, x2: PLOT_X0 + W, y2: AXIS_Y, stroke: "#30343a", "stroke-width": 1.2 }));
    svg.appendChild(marks);
    svg.appendChild(labels);
    svg.setAttribute("viewBox", "0 0 " + width + " " + (bottom + 10));
    svg.setAttribute("height", bottom + 10);
    if (started) svg.setAttribute("data-render-ms", (performance.now() - started).toFixed(1));
  }

  // ---- zoom and pan -------------------------------------------------------------------
  function zoom(factor, centerX) {
    var span = view.u1 - view.u0, W = plotW();
    var cu = centerX === undefined ? view.u0 + span / 2 : view.u0 + (centerX - PLOT_X0) / W * span;
    var ns = Math.min(1.2, Math.max(2e-6, span * factor));
    view.u0 = cu - (cu - view.u0) / span * ns;
    view.u1 = view.u0 + ns;
    schedule();
  }
  function svgX(evt) {
    var r = $("tl").getBoundingClientRect();
    return (evt.clientX - r.left) * (PLOT_X0 + plotW() + RIGHT) / r.width;
  }
  function focus(i) {
    var e = EV[i], span = view.u1 - view.u0;
    if (e.lane < 0) return;
    var mid = (e.a + e.b) / 2;
    if (e.a < view.u0 || e.b > view.u1) { view.u0 = mid - span / 2; view.u1 = mid + span / 2; }
    schedule();
  }
  function setupInteraction() {
    var svg = $("tl"), drag = null;
    svg.addEventListener("wheel", function (evt) {
      evt.preventDefault();
      zoom(Math.exp(evt.deltaY * 0.0015), svgX(evt));
    }, { passive: false });
    svg.addEventListener("pointerdown", function (evt) {
      drag = { x: evt.clientX, u0: view.u0, u1: view.u1, moved: false };
      svg.setPointerCapture(evt.pointerId);
    });
    svg.addEventListener("pointermove", function (evt) {
      if (!drag) return;
      var r = svg.getBoundingClientRect(), scale = (PLOT_X0 + plotW() + RIGHT) / r.width;
      var dx = (evt.clientX - drag.x) * scale;
      if (Math.abs(dx) > 3) { drag.moved = true; svg.classList.add("dragging"); }
      var du = -dx / plotW() * (drag.u1 - drag.u0);
      view.u0 = drag.u0 + du; view.u1 = drag.u1 + du;
      schedule();
    });
    svg.addEventListener("pointerup", function (evt) {
      var wasDrag = drag && drag.moved;
      drag = null;
      svg.classList.remove("dragging");
      if (wasDrag) return;
      var target = evt.target;
      while (target && target !== svg && !(target.getAttribute && (target.getAttribute("data-i") || target.getAttribute("data-x")))) target = target.parentNode;
      if (!target || target === svg) return;
      if (target.getAttribute("data-x")) { zoom(1 / 6, +target.getAttribute("data-x")); return; }
      select(+target.getAttribute("data-i"));
    });
    $("z-in").addEventListener("click", function () { zoom(1 / 2); });
    $("z-out").addEventListener("click", function () { zoom(2); });
    $("z-fit").addEventListener("click", function () { view.u0 = 0; view.u1 = 1; schedule(); });
    $("f-search").addEventListener("input", applyFilters);
    $("reset").addEventListener("click", function () {
      ["f-actor", "f-place", "f-type", "f-status", "f-search"].forEach(function (id) { $(id).value = ""; });
      applyFilters();
    });
    document.addEventListener("keydown", function (evt) {
      if (evt.target && evt.target.tagName === "INPUT") return;
      if (evt.key === "+" || evt.key === "=") zoom(1 / 2);
      else if (evt.key === "-") zoom(2);
      else if (evt.key === "0") { view.u0 = 0; view.u1 = 1; schedule(); }
      else if (evt.key === "ArrowLeft" || evt.key === "ArrowRight") {
        var du = (view.u1 - view.u0) * 0.2 * (evt.key === "ArrowLeft" ? -1 : 1);
        view.u0 += du; view.u1 += du; schedule();
      }
    });
    window.addEventListener("resize", schedule);
  }

  // ---- side panel ---------------------------------------------------------------------
  function highlighted(m) {
    // The sentence with the date expression marked and the trigger underlined.
    var s = m.s, cuts = [0, s.length];
    if (m.x) cuts.push(m.x[0], m.x[1]);
    if (m.g) cuts.push(m.g[0], m.g[1]);
    cuts = cuts.filter(function (c) { return c >= 0 && c <= s.length; }).sort(function (a, b) { return a - b; });
    var box = el("div");
    for (var k = 0; k + 1 < cuts.length; k++) {
      var p = cuts[k], q = cuts[k + 1];
      if (q <= p) continue;
      var text = s.slice(p, q), node = document.createTextNode(text);
      var inX = m.x && p >= m.x[0] && q <= m.x[1], inG = m.g && p >= m.g[0] && q <= m.g[1];
      if (inG) { var u = el("span", { "class": "trigger" }); u.appendChild(node); node = u; }
      if (inX) { var mk = el("mark"); mk.appendChild(node); node = mk; }
      box.appendChild(node);
    }
    return box;
  }
  function select(i) {
    selected = i;
    var e = EV[i], box = $("details");
    while (box.firstChild) box.removeChild(box.firstChild);
    box.appendChild(el("h2", null, "Event"));
    box.appendChild(el("div", { "class": "ev-title" }, e.label));
    box.appendChild(el("div", { "class": "ev-meta" }, e.when + " \u00b7 " + e.status + (e.type ? " \u00b7 " + e.type : "")));
    var chips = el("div", { "class": "chips" });
    e.actors.forEach(function (a) { chips.appendChild(el("span", { title: "actor" }, entName(a))); });
    e.places.forEach(function (a) { chips.appendChild(el("span", { title: "place" }, "\u25cb " + entName(a))); });
    e.sources.forEach(function (a) { chips.appendChild(el("span", { title: "source" }, "says: " + entName(a))); });
    box.appendChild(chips);
    if (e.conflict) {
      var c = D.conflicts[e.conflict - 1];
      box.appendChild(el("div", { "class": "conflict" }, "\u26a0 Sources disagree on " + c.about + ": " + distinct(c.claims.map(function (x) { return x.t || x.v; })).join(" vs ") +
        (c.n ? "; here " + firstOf(c.n, c.claims.length, "claims") : "")));
    }
    box.appendChild(el("h2", null, "Evidence (" + evidenceCount(e).toLocaleString("en") + ")"));
    if (e.n) box.appendChild(el("div", { "class": "hint" }, "Here " + firstOf(e.n, e.ev.length, "sentences") + "."));
    e.ev.forEach(function (m) {
      var d = docOf(m.d), item = el("div", { "class": "evidence" });
      item.appendChild(highlighted(m));
      var meta = el("div", { "class": "doc" });
      meta.appendChild(el("b", null, d.title || d.path));
      meta.appendChild(document.createTextNode((d.dct ? " \u00b7 " + d.dct : "") + " \u00b7 " + d.path + (m.w ? " \u00b7 dated here: " + m.w : "") + (m.c ? " \u00b7 photo caption" : "")));
      item.appendChild(meta);
      box.appendChild(item);
    });
    focus(i);
    schedule();
  }
  function renderConflicts() {
    var box = $("conflicts");
    box.appendChild(el("h2", null, "Where sources disagree (" + D.conflicts.length + ")"));
    if (!D.conflicts.length) box.appendChild(el("div", { "class": "hint" }, "No conflicting claims found."));
    D.conflicts.slice(0, 500).forEach(function (c, k) {
      var item = el("div", { "class": "conflict" });
      item.appendChild(el("span", { "class": "num" }, String(k + 1)));
      item.appendChild(document.createTextNode(c.about));
      var ul = el("ul");
      c.claims.forEach(function (cl) { ul.appendChild(el("li", null, (cl.t || cl.v) + " \u2014 " + (docOf(cl.d).title || docOf(cl.d).path))); });
      if (c.n) ul.appendChild(el("li", { "class": "hint" }, (c.n - c.claims.length).toLocaleString("en") + " more claims in events.json"));
      item.appendChild(ul);
      if (c.event >= 0) item.addEventListener("click", function () { select(c.event); });
      box.appendChild(item);
    });
  }
  function renderUndated() {
    var box = $("undated");
    while (box.firstChild) box.removeChild(box.firstChild);
    var list = undatedEvents.filter(function (i) { return shown[i]; });
    if (!undatedEvents.length) return;
    box.appendChild(el("h2", null, "Undated (" + list.length + ")"));
    var ul = el("ul");
    list.slice(0, 400).forEach(function (i) {
      var li = el("li", null, EV[i].label);
      li.addEventListener("click", function () { select(i); });
      ul.appendChild(li);
    });
    if (list.length > 400) ul.appendChild(el("li", null, "\u2026 and " + (list.length - 400) + " more (use the search box)"));
    box.appendChild(ul);
  }

  // ---- start --------------------------------------------------------------------------
  $("title").textContent = D.title;
  $("subtitle").textContent = D.subtitle;
  var actorCounts = tally("actors"), placeCounts = tally("places");
  fillSelect("f-actor", "All actors", actorCounts, entName);
  fillSelect("f-place", "All places", placeCounts, entName);
  fillSelect("f-type", "All types", tally("type"), function (k) { return k; });
  fillSelect("f-status", "Any status", tally("status"), function (k) { return k; });
  readHash();
  window.addEventListener("hashchange", function () {
    readHash();
    applyFilters();
    if (pendingSelect >= 0) { select(pendingSelect); pendingSelect = -1; }
  });
  renderConflicts();
  setupInteraction();
  applyFilters();
  if (pendingSelect >= 0) select(pendingSelect);
  render();
})();
