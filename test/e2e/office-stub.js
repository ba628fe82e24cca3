/*
 * An in-page stand-in for office.js, served in place of https://appsforoffice.microsoft.com/… by the
 * e2e test (toolchain pitfall 8a). It defines window.Office (onReady → Excel, requirement sets) and
 * window.Excel.run over a small fake Excel object model holding window.__JIXIAO_SEED__ (a
 * WorkbookSnapshot: sheets with cells keyed by A1, merges, defined names; window.__JIXIAO_FILLS__ optionally
 * maps "Sheet!A1" to a starting fill colour). test/hosts/excel-host-contract.test.ts runs the shared host
 * contract over the same model in Node.
 *
 * Only what src/hosts/excel/excel-host.ts uses is modelled. Writes apply at once (a real Excel applies
 * them at sync; the adapter never reads back inside a batch, so the difference does not show).
 * window.__jixiao exposes the model for the test: cell(sheet, address), fill(sheet, address), syncs.
 * A seed sheet's visibility ("hidden" / "veryHidden") and hidden rows and columns (runs, as the snapshot
 * writes them) become the model's Worksheet.visibility, rowHidden / columnHidden and visible cells.
 */
(function () {
  "use strict";
  var seed = window.__JIXIAO_SEED__ || { sheets: [], names: [] };
  var MAX_API = window.__JIXIAO_MAX_API__ || 18; // ExcelApi 1.1 … 1.18

  function colToIndex(letters) {
    var n = 0;
    for (var i = 0; i < letters.length; i++) n = n * 26 + (letters.toUpperCase().charCodeAt(i) - 64);
    return n;
  }
  function indexToCol(index) {
    var s = "";
    while (index > 0) {
      var r = (index - 1) % 26;
      s = String.fromCharCode(65 + r) + s;
      index = Math.floor((index - 1) / 26);
    }
    return s;
  }
  function a1(row, col) {
    return indexToCol(col) + row;
  }
  function parseCell(text) {
    var m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(text);
    if (!m) throw officeError("InvalidArgument", "bad address " + text);
    return { row: Number(m[2]), col: colToIndex(m[1]) };
  }
  function parseArea(text) {
    var local = text.indexOf("!") >= 0 ? text.slice(text.lastIndexOf("!") + 1) : text;
    var parts = local.split(":");
    var a = parseCell(parts[0]);
    var b = parts[1] ? parseCell(parts[1]) : a;
    return { r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) };
  }
  function quote(sheet) {
    return /^[A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*$/.test(sheet) ? sheet : "'" + sheet.replace(/'/g, "''") + "'";
  }
  function officeError(code, message) {
    var e = new Error(message);
    e.code = code;
    return e;
  }

  // ---- the model ----
  var model = { sheets: [], syncs: 0, selected: null, names: [] };
  function addSheet(name) {
    var s = { name: name, cells: {}, fills: {}, merges: [], notes: {}, bold: {}, widths: {}, hiddenRows: {}, hiddenCols: {} };
    model.sheets.push(s);
    return s;
  }
  function hideRuns(store, runs) {
    (runs || []).forEach(function (run) {
      for (var n = run[0]; n <= run[1]; n++) store[n] = true;
    });
  }
  seed.sheets.forEach(function (sheet) {
    var s = addSheet(sheet.name);
    Object.keys(sheet.cells).forEach(function (k) {
      s.cells[k] = Object.assign({}, sheet.cells[k]);
    });
    s.merges = (sheet.merges || []).slice();
    if (sheet.visibility === "hidden") s.visibility = "Hidden";
    if (sheet.visibility === "veryHidden") s.visibility = "VeryHidden";
    hideRuns(s.hiddenRows, sheet.hiddenRows);
    hideRuns(s.hiddenCols, sheet.hiddenCols);
  });
  var seedFills = window.__JIXIAO_FILLS__ || {};
  Object.keys(seedFills).forEach(function (ref) {
    var bang = ref.lastIndexOf("!");
    var s = sheetByName(ref.slice(0, bang));
    if (s) s.fills[ref.slice(bang + 1)] = seedFills[ref];
  });
  seed.names.forEach(function (n) {
    model.names.push({ name: n.name, refersTo: n.refersTo, scope: n.scope });
  });
  function sheetByName(name) {
    for (var i = 0; i < model.sheets.length; i++) if (model.sheets[i].name === name) return model.sheets[i];
    return null;
  }

  function namedItem(n) {
    var isRange = /!/.test(n.refersTo);
    return {
      name: n.name,
      type: isRange ? "Range" : "String",
      value: n.refersTo,
      formula: "=" + n.refersTo,
      scope: n.scope ? "Worksheet" : "Workbook",
      visible: true,
      load: function () {
        return this;
      },
      delete: function () {
        model.names.splice(model.names.indexOf(n), 1);
      },
    };
  }

  function collection(itemsOf) {
    var c = {
      items: [],
      load: function () {
        c.items = itemsOf();
        return c;
      },
    };
    return c;
  }

  /** The used range; valuesOnly (as Excel's getUsedRange(true)) leaves out blank cells that only carry a format. */
  function usedArea(s, valuesOnly) {
    var keys = Object.keys(s.cells).filter(function (k) {
      var c = s.cells[k];
      return !valuesOnly || c.formula !== undefined || c.error !== undefined || (c.value !== null && c.value !== undefined && c.value !== "");
    });
    if (keys.length === 0) return null;
    var area = null;
    keys.forEach(function (k) {
      var p = parseCell(k);
      if (!area) area = { r1: p.row, c1: p.col, r2: p.row, c2: p.col };
      area.r1 = Math.min(area.r1, p.row);
      area.c1 = Math.min(area.c1, p.col);
      area.r2 = Math.max(area.r2, p.row);
      area.c2 = Math.max(area.c2, p.col);
    });
    return area;
  }

  function grid(area, f) {
    var rows = [];
    for (var r = area.r1; r <= area.r2; r++) {
      var row = [];
      for (var c = area.c1; c <= area.c2; c++) row.push(f(a1(r, c)));
      rows.push(row);
    }
    return rows;
  }
  function eachCell(area, arr, f) {
    for (var r = area.r1; r <= area.r2; r++) for (var c = area.c1; c <= area.c2; c++) f(a1(r, c), arr[r - area.r1][c - area.c1]);
  }

  function inside(area, addr) {
    var p = parseCell(addr);
    return p.row >= area.r1 && p.row <= area.r2 && p.col >= area.c1 && p.col <= area.c2;
  }

  function overlaps(a, b) {
    return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
  }

  /** Range.rowHidden / columnHidden: true when every line is hidden, false when none, null when some. */
  function linesHidden(store, from, to) {
    var n = 0;
    Object.keys(store).forEach(function (k) {
      if (Number(k) >= from && Number(k) <= to) n++;
    });
    return n === 0 ? false : n === to - from + 1 ? true : null;
  }

  /** The runs of lines from..to that are not hidden. */
  function shownRuns(store, from, to) {
    var runs = [];
    for (var n = from; n <= to; n++) {
      if (store[n]) continue;
      var last = runs[runs.length - 1];
      if (last && last[1] === n - 1) last[1] = n;
      else runs.push([n, n]);
    }
    return runs;
  }

  function makeRange(s, area) {
    function setContent(addr, v) {
      if (v === null || v === undefined) return; // Office.js: null leaves the cell alone
      var cell = s.cells[addr] || {};
      delete cell.formula;
      delete cell.error;
      if (v === "") {
        if (cell.numberFormat) s.cells[addr] = { value: null, numberFormat: cell.numberFormat };
        else delete s.cells[addr];
        return;
      }
      if (typeof v === "string" && v.charAt(0) === "'") {
        cell.value = v.slice(1); // Excel's text prefix: not part of the value
      } else if (typeof v === "string" && v.charAt(0) === "=") {
        cell.formula = v.slice(1);
        cell.value = cell.value === undefined ? null : cell.value; // no calculation engine here
      } else {
        cell.value = v;
      }
      s.cells[addr] = cell;
    }
    var fill = {
      load: function () {
        return fill;
      },
      clear: function () {
        Object.keys(s.fills).forEach(function (addr) {
          if (inside(area, addr)) delete s.fills[addr];
        });
      },
    };
    Object.defineProperty(fill, "color", {
      get: function () {
        return s.fills[a1(area.r1, area.c1)] || "#FFFFFF";
      },
      set: function (v) {
        eachCell(area, grid(area, function () { return 0; }), function (addr) {
          s.fills[addr] = v;
        });
      },
    });
    Object.defineProperty(fill, "pattern", {
      get: function () {
        return s.fills[a1(area.r1, area.c1)] ? "Solid" : "None";
      },
    });
    var font = {};
    Object.defineProperty(font, "bold", {
      set: function (v) {
        for (var r = area.r1; r <= area.r2; r++) s.bold[r] = v;
      },
    });
    var format = { fill: fill, font: font, wrapText: false, verticalAlignment: "Bottom" };
    Object.defineProperty(format, "columnWidth", {
      set: function (v) {
        for (var c = area.c1; c <= area.c2; c++) s.widths[indexToCol(c)] = v;
      },
    });
    var range = {
      isNullObject: false,
      format: format,
      load: function () {
        return range;
      },
      select: function () {
        model.selected = s.name + "!" + range.address.split("!")[1];
      },
      clear: function () {
        // Only the cells that exist: a whole-sheet range is 17 billion cells.
        [s.cells, s.fills].forEach(function (store) {
          Object.keys(store).forEach(function (addr) {
            if (inside(area, addr)) delete store[addr];
          });
        });
      },
      getResizedRange: function (dr, dc) {
        return makeRange(s, { r1: area.r1, c1: area.c1, r2: area.r2 + dr, c2: area.c2 + dc });
      },
      getRow: function (i) {
        return makeRange(s, { r1: area.r1 + i, c1: area.c1, r2: area.r1 + i, c2: area.c2 });
      },
      getColumn: function (j) {
        return makeRange(s, { r1: area.r1, c1: area.c1 + j, r2: area.r2, c2: area.c1 + j });
      },
      // ExcelApi 1.9; only "Visible" is modelled: the visible rows crossed with the visible columns.
      getSpecialCellsOrNullObject: function (type) {
        if (type !== "Visible") throw officeError("InvalidArgument", "only Visible is modelled");
        var areas = [];
        shownRuns(s.hiddenRows, area.r1, area.r2).forEach(function (rows) {
          shownRuns(s.hiddenCols, area.c1, area.c2).forEach(function (cols) {
            var a = a1(rows[0], cols[0]);
            var b = a1(rows[1], cols[1]);
            areas.push(quote(s.name) + "!" + (a === b ? a : a + ":" + b));
          });
        });
        return {
          isNullObject: areas.length === 0,
          address: areas.join(", "),
          load: function () {
            return this;
          },
        };
      },
      getEntireColumn: function () {
        return makeRange(s, { r1: 1, c1: area.c1, r2: 1048576, c2: area.c2 });
      },
      unmerge: function () {
        s.merges = s.merges.filter(function (m) {
          return !overlaps(area, parseArea(m));
        });
      },
      getMergedAreasOrNullObject: function () {
        var merges = s.merges.filter(function (m) {
          return overlaps(area, parseArea(m));
        });
        return {
          isNullObject: merges.length === 0,
          address: merges
            .map(function (m) {
              return quote(s.name) + "!" + m;
            })
            .join(", "),
          load: function () {
            return this;
          },
        };
      },
    };
    Object.defineProperty(range, "address", {
      get: function () {
        var a = a1(area.r1, area.c1);
        var b = a1(area.r2, area.c2);
        return quote(s.name) + "!" + (a === b ? a : a + ":" + b);
      },
    });
    Object.defineProperty(range, "values", {
      get: function () {
        return grid(area, function (addr) {
          var c = s.cells[addr];
          if (!c) return "";
          if (c.error) return c.error;
          return c.value === null || c.value === undefined ? "" : c.value;
        });
      },
      set: function (arr) {
        eachCell(area, arr, setContent);
      },
    });
    Object.defineProperty(range, "formulas", {
      get: function () {
        return grid(area, function (addr) {
          var c = s.cells[addr];
          if (!c) return "";
          if (c.formula) return "=" + c.formula;
          return c.value === null || c.value === undefined ? "" : c.value;
        });
      },
      set: function (arr) {
        eachCell(area, arr, setContent);
      },
    });
    Object.defineProperty(range, "numberFormat", {
      get: function () {
        return grid(area, function (addr) {
          var c = s.cells[addr];
          return (c && c.numberFormat) || "General";
        });
      },
      set: function (arr) {
        eachCell(area, arr, function (addr, nf) {
          if (nf === null || nf === undefined) return;
          var c = s.cells[addr] || { value: null };
          if (nf === "General") delete c.numberFormat;
          else c.numberFormat = nf;
          s.cells[addr] = c;
        });
      },
    });
    Object.defineProperty(range, "rowHidden", {
      get: function () {
        return linesHidden(s.hiddenRows, area.r1, area.r2);
      },
    });
    Object.defineProperty(range, "columnHidden", {
      get: function () {
        return linesHidden(s.hiddenCols, area.c1, area.c2);
      },
    });
    Object.defineProperty(range, "valueTypes", {
      get: function () {
        return grid(area, function (addr) {
          var c = s.cells[addr];
          if (!c || c.value === null || c.value === undefined || c.value === "") return c && c.error ? "Error" : "Empty";
          return typeof c.value === "number" ? "Double" : typeof c.value === "boolean" ? "Boolean" : "String";
        });
      },
    });
    return range;
  }

  function worksheet(s) {
    var ws = {
      name: s.name,
      names: collection(function () {
        return model.names
          .filter(function (n) {
            return n.scope === s.name;
          })
          .map(namedItem);
      }),
      notes: {
        getItemOrNullObject: function (address) {
          var has = Object.prototype.hasOwnProperty.call(s.notes, address);
          return { isNullObject: !has, content: has ? s.notes[address] : undefined, load: function () { return this; } };
        },
        getItem: function (address) {
          if (!Object.prototype.hasOwnProperty.call(s.notes, address)) throw officeError("ItemNotFound", "no note at " + address);
          return { delete: function () { delete s.notes[address]; } };
        },
        add: function (address, text) {
          s.notes[address] = text;
        },
      },
      activate: function () {
        model.active = s.name;
      },
      getRange: function (address) {
        if (address === undefined) return makeRange(s, { r1: 1, c1: 1, r2: 1048576, c2: 16384 });
        return makeRange(s, parseArea(address));
      },
      getUsedRangeOrNullObject: function (valuesOnly) {
        var area = usedArea(s, valuesOnly);
        if (!valuesOnly) {
          // Formatting counts too: merged areas widen the used range.
          s.merges.forEach(function (m) {
            var b = parseArea(m);
            area = area ? { r1: Math.min(area.r1, b.r1), c1: Math.min(area.c1, b.c1), r2: Math.max(area.r2, b.r2), c2: Math.max(area.c2, b.c2) } : b;
          });
        }
        if (!area) {
          var empty = makeRange(s, { r1: 1, c1: 1, r2: 1, c2: 1 });
          empty.isNullObject = true;
          return empty;
        }
        return makeRange(s, area);
      },
      getUsedRange: function (valuesOnly) {
        // A blank sheet gives A1, as in Excel.
        var used = ws.getUsedRangeOrNullObject(valuesOnly);
        return used.isNullObject ? makeRange(s, { r1: 1, c1: 1, r2: 1, c2: 1 }) : used;
      },
    };
    // Worksheet.visibility (ExcelApi 1.1): kept on the model so a test can see a bookkeeping sheet hidden.
    Object.defineProperty(ws, "visibility", {
      get: function () {
        return s.visibility || "Visible";
      },
      set: function (v) {
        s.visibility = v;
      },
    });
    return ws;
  }

  var worksheets = collection(function () {
    return model.sheets.map(function (s) {
      return { name: s.name, visibility: s.visibility || "Visible" };
    });
  });
  worksheets.getItem = function (name) {
    var s = sheetByName(name);
    if (!s) throw officeError("ItemNotFound", "The requested resource doesn't exist: " + name);
    return worksheet(s);
  };
  worksheets.getItemOrNullObject = function (name) {
    var s = sheetByName(name);
    if (!s) return { isNullObject: true, load: function () { return this; } };
    var ws = worksheet(s);
    ws.isNullObject = false;
    ws.load = function () {
      return ws;
    };
    return ws;
  };
  worksheets.add = function (name) {
    if (sheetByName(name)) throw officeError("ItemAlreadyExists", "sheet exists: " + name);
    return worksheet(addSheet(name));
  };

  var names = collection(function () {
    return model.names
      .filter(function (n) {
        return !n.scope;
      })
      .map(namedItem);
  });
  names.getItemOrNullObject = function (name) {
    var found = model.names.filter(function (n) {
      return !n.scope && n.name === name;
    })[0];
    if (!found) return { isNullObject: true, load: function () { return this; } };
    var item = namedItem(found);
    item.isNullObject = false;
    return item;
  };
  names.add = function (name, formula) {
    model.names.push({ name: name, refersTo: String(formula).replace(/^=/, "") });
  };

  // Threaded comments (ExcelApi 1.10), addressed as "Sheet!A1"; used where notes (1.18) are not.
  model.comments = {};
  var comments = {
    add: function (address, text) {
      if (Object.prototype.hasOwnProperty.call(model.comments, address)) throw officeError("InvalidOperation", "comment exists at " + address);
      model.comments[address] = text;
    },
    getItemByCell: function (address) {
      if (!Object.prototype.hasOwnProperty.call(model.comments, address)) throw officeError("ItemNotFound", "no comment at " + address);
      return { delete: function () { delete model.comments[address]; } };
    },
  };

  var context = {
    workbook: { worksheets: worksheets, names: names, comments: comments },
    sync: function () {
      model.syncs++;
      return Promise.resolve();
    },
  };

  window.Excel = {
    run: function (batch) {
      return Promise.resolve().then(function () {
        return batch(context);
      });
    },
  };
  window.Office = {
    HostType: { Excel: "Excel" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    context: {
      requirements: {
        isSetSupported: function (name, version) {
          return name === "ExcelApi" && Number(String(version).split(".")[1] || 0) <= MAX_API;
        },
      },
    },
    onReady: function (callback) {
      var info = { host: "Excel", platform: "OfficeOnline" };
      if (typeof callback === "function") callback(info);
      return Promise.resolve(info);
    },
  };
  window.__jixiao = {
    model: model,
    cell: function (sheet, address) {
      var s = sheetByName(sheet);
      return s ? s.cells[address] || null : null;
    },
    fill: function (sheet, address) {
      var s = sheetByName(sheet);
      return s ? s.fills[address] || null : null;
    },
  };
})();
