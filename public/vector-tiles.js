// The city's own vector tiles (`tiles.vector` in data/config.json), drawn in Leaflet by
// protomaps-leaflet (npm, copied into the bundle as protomaps/protomaps-leaflet.js, which this
// file loads). The app loads this file only when the configuration names vector tiles, so
// visitors of a raster city never download either. No worker, no font or sprite download, no
// inline code.
//
// Our styles: the app's colours (public/style.css), light and dark after the system's choice;
// street and place names as the tiles carry them (`name:latin`, which holds OSM's `name`:
// Vietnamese in Hanoi). The tiles are in the OpenMapTiles schema.
(() => {
  'use strict';

  const RENDERER = 'protomaps/protomaps-leaflet.js';
  let P; // protomaps-leaflet's namespace, once it is loaded
  // protomaps' default: one 512-px data tile is drawn as four 256-px tiles, so display zoom
  // z shows data zoom z - 1, over-zoomed beyond an area's deepest zoom.
  const LEVEL_DIFF = 1;
  const NAME = ['name:latin', 'name'];
  const FONT = 'system-ui, "Noto Sans", "DejaVu Sans", sans-serif';

  /** The two palettes; `public/style.css` has the same background and water. */
  const PALETTES = {
    light: {
      land: '#f2efe9', water: '#aad3df', waterLine: '#86b9cc', park: '#cfe3c1', wood: '#b9d6a8',
      landuse: '#e9e4dc', building: '#dcd6cd', buildingLine: '#cbc3b8', boundary: '#a08cb4',
      casing: '#c9c0b3', minor: '#ffffff', major: '#fbe1b0', motorway: '#f2b48a', rail: '#a8a39b',
      path: '#b5aa9a', text: '#1d1d1f', halo: '#ffffff', waterText: '#2a6b87',
    },
    dark: {
      land: '#1f1f25', water: '#23384a', waterLine: '#2f4c63', park: '#23302a', wood: '#203026',
      landuse: '#25252c', building: '#2e2e36', buildingLine: '#3a3a44', boundary: '#8b78a0',
      casing: '#121216', minor: '#3b3b45', major: '#5b4e3c', motorway: '#7a5440', rail: '#5b5b66',
      path: '#4a4a55', text: '#ececf1', halo: '#16161a', waterText: '#8fc3dc',
    },
  };

  const MAJOR = ['primary', 'secondary', 'tertiary'];
  const MOTORWAY = ['motorway', 'trunk'];
  const MINOR = ['minor', 'service', 'pedestrian', 'track', 'raceway'];
  // Minor streets from zoom 14: at 13 (the map's opening view of Hanoi) they are thousands of
  // hairlines that drew most of the background's main-thread time on a phone (blocking time
  // 3.6 s → 1.7 s at 4× slower CPU, BENCHMARKS.md), under markers that matter more.
  const MINOR_FROM = 14;

  /** A width in pixels that doubles every zoom or so, `at14` at zoom 14. */
  const width = (at14, min = 0.5) => (z) => Math.max(min, at14 * Math.pow(1.6, z - 14));
  const is = (key, values) => (_z, f) => values.includes(f.props[key]);
  /** Roads of these classes that are not in a tunnel. */
  const roads = (classes) => (_z, f) => classes.includes(f.props.class) && f.props.brunnel !== 'tunnel';

  /** protomaps' paint and label rules for a palette, in drawing order. */
  function style(c) {
    P = window.protomapsL;
    const line = (dataLayer, filter, color, w, minzoom, extra = {}) => ({
      dataLayer, filter, minzoom,
      symbolizer: new P.LineSymbolizer({ color, width: w, lineCap: 'round', lineJoin: 'round', ...extra }),
    });
    const fill = (dataLayer, filter, color, minzoom, extra = {}) => ({
      dataLayer, filter, minzoom, symbolizer: new P.PolygonSymbolizer({ fill: color, ...extra }),
    });
    const paintRules = [
      fill('landuse', is('class', ['school', 'college', 'university', 'hospital', 'cemetery', 'commercial', 'retail']), c.landuse, 12),
      fill('park', undefined, c.park),
      fill('landcover', is('class', ['grass', 'farmland']), c.park),
      fill('landcover', is('class', ['wood', 'forest']), c.wood),
      fill('water', undefined, c.water),
      line('waterway', is('class', ['river']), c.water, width(4, 1)),
      line('waterway', is('class', ['canal', 'stream', 'drain', 'ditch']), c.water, width(1.5), 13),
      fill('building', undefined, c.building, 15, { stroke: c.buildingLine, width: 0.5 }),
      line('boundary', (_z, f) => f.props.admin_level <= 6, c.boundary, 1.2, undefined, { dash: [5, 4], dashColor: c.boundary, dashWidth: 1.2 }),
      line('transportation', is('class', ['path']), c.path, width(0.8), 15, { dash: [2, 2], dashColor: c.path, dashWidth: 1 }),
      line('transportation', roads(['rail']), c.rail, width(1.2), 11, { dash: [6, 3], dashColor: c.rail, dashWidth: 1.5 }),
      line('transportation', roads(MINOR), c.casing, width(3, 1), MINOR_FROM),
      line('transportation', roads(MAJOR), c.casing, width(5.5, 1.5), 10),
      line('transportation', roads(MOTORWAY), c.casing, width(7, 2)),
      line('transportation', roads(MINOR), c.minor, width(2, 0.6), MINOR_FROM),
      line('transportation', roads(MAJOR), c.major, width(4, 1)),
      line('transportation', roads(MOTORWAY), c.motorway, width(5.5, 1.2)),
    ];
    const text = (size, weight = 400, fillColor = c.text, extra = {}) => ({
      labelProps: NAME, fontFamily: FONT, fontSize: size, fontWeight: weight,
      fill: fillColor, stroke: c.halo, width: 2.5, ...extra,
    });
    const labelRules = [
      { dataLayer: 'place', filter: is('class', ['city', 'state']),
        symbolizer: new P.CenteredTextSymbolizer(text(15, 700)) },
      { dataLayer: 'place', filter: is('class', ['town', 'suburb']), minzoom: 11,
        symbolizer: new P.CenteredTextSymbolizer(text(13, 600)) },
      { dataLayer: 'place', filter: is('class', ['village', 'quarter']), minzoom: 12,
        symbolizer: new P.CenteredTextSymbolizer(text(12, 500)) },
      { dataLayer: 'place', filter: is('class', ['neighbourhood', 'hamlet']), minzoom: 15,
        symbolizer: new P.CenteredTextSymbolizer(text(11)) },
      { dataLayer: 'water_name', minzoom: 13,
        symbolizer: new P.CenteredTextSymbolizer(text(12, 400, c.waterText, { fontStyle: 'italic' })) },
      { dataLayer: 'transportation_name', filter: is('class', [...MOTORWAY, ...MAJOR]), minzoom: 13,
        symbolizer: new P.LineLabelSymbolizer(text(12, 500)) },
      { dataLayer: 'transportation_name', filter: is('class', ['minor', 'pedestrian']), minzoom: 15,
        symbolizer: new P.LineLabelSymbolizer(text(11)) },
    ];
    return { paintRules, labelRules, backgroundColor: c.land };
  }

  /**
   * Fetches tile files for protomaps (it accepts any object with a PMTiles-like `getZxy`),
   * so that a tile that cannot load is known: it is left out (its display tiles are hidden,
   * the offline background shows through) and reported, rather than drawn as empty land.
   */
  class TileFiles {
    constructor(url, failed, onError) {
      Object.assign(this, { url, failed, onError, seen: new Set() });
      // On a first visit the service worker takes charge only after the first tiles came:
      // ask for those again through it (the browser's cache answers), so that it keeps them.
      navigator.serviceWorker?.addEventListener('controllerchange', () => {
        for (const seen of this.seen) fetch(seen).catch(() => undefined);
      }, { once: true });
    }

    async getZxy(z, x, y, signal) {
      const key = `${z}/${x}/${y}`;
      const url = this.url.replace('{z}', z).replace('{x}', x).replace('{y}', y);
      // Whether this request passes the worker is decided as it leaves, not as it returns.
      const uncontrolled = !navigator.serviceWorker?.controller;
      try {
        const response = await fetch(url, { signal });
        if (response.ok) {
          const data = await response.arrayBuffer();
          this.failed.delete(key);
          if (uncontrolled) this.keepLater(url);
          return { data };
        }
      } catch (error) {
        if (error.name === 'AbortError') throw error;
      }
      this.failed.add(key);
      this.onError();
      return undefined;
    }

    /**
     * A tile that came past the worker: asked for again through it once it has taken charge
     * (at once, if it took charge while the tile was on its way), so that it keeps the tile.
     */
    keepLater(url) {
      if (navigator.serviceWorker?.controller) fetch(url).catch(() => undefined);
      else this.seen.add(url);
    }
  }

  /** The data tile protomaps draws display tile `coords` from, for an area down to `maxZoom`. */
  function dataTileKey({ x, y, z }, maxZoom) {
    const dz = Math.max(0, Math.min(z - LEVEL_DIFF, maxZoom));
    return `${dz}/${x >> (z - dz)}/${y >> (z - dz)}`;
  }

  /**
   * The background layer: one protomaps layer per area, the deeper ones above, each drawing
   * only where its tiles are. `options`: `url` (template), `areas` (`[{bounds: [[s, w], [n,
   * e]], maxZoom}]`, the first the widest and shallowest, holding the others), `attribution`
   * (HTML), `onError` (called when a tile cannot load), `precache` (a kiosk: the service
   * worker fetches every tile now).
   */
  function vectorTiles(options) {
    P = window.protomapsL;
    if (options.precache) precacheAll(options.url);
    const scheme = window.matchMedia('(prefers-color-scheme: dark)');
    const current = () => style(scheme.matches ? PALETTES.dark : PALETTES.light);
    const failed = new Set();
    const source = new TileFiles(options.url, failed, options.onError);
    const areas = [...options.areas].sort((a, b) => a.maxZoom - b.maxZoom);
    // Canvases at a phone's 3× pixels cost 2.25 times those at 2×, for lines and text that look
    // the same at arm's length.
    const devicePixelRatio = Math.min(2, window.devicePixelRatio || 1);
    // Deeper areas add detail only where the widest area starts over-zooming.
    const detailFrom = areas[0].maxZoom + LEVEL_DIFF + 1;
    const layers = areas.map((area, index) => {
      const layer = P.leafletLayer({
        url: source, maxDataZoom: area.maxZoom, bounds: area.bounds, zIndex: index + 1, devicePixelRatio,
        minZoom: index === 0 ? 0 : detailFrom,
        attribution: index === 0 ? options.attribution : '',
        ...current(),
      });
      layer.on('tileload', ({ tile, coords }) => {
        tile.style.visibility = failed.has(dataTileKey(coords, area.maxZoom)) ? 'hidden' : '';
      });
      return layer;
    });
    skipCovered(layers[0], areas.slice(1).map((a) => L.latLngBounds(a.bounds)), detailFrom);
    const group = L.layerGroup(layers);
    const restyle = () => {
      const next = current();
      for (const layer of layers) {
        Object.assign(layer, next);
        layer.clearLayout();
        layer.rerenderTiles();
      }
    };
    scheme.addEventListener('change', restyle);
    group.on('remove', () => scheme.removeEventListener('change', restyle));
    return group;
  }

  /** Asks the service worker (public/sw.js) to cache every tile, for a kiosk. */
  function precacheAll(url) {
    navigator.serviceWorker?.ready.then((registration) => {
      registration.active?.postMessage({ type: 'precache-tiles', url });
    });
  }

  /**
   * Leaves out the widest layer's tiles that a deeper area covers entirely from `fromZoom`:
   * they would be drawn only to be hidden. (Leaflet 1.9's GridLayer asks `_isValidTile`.)
   */
  function skipCovered(layer, covers, fromZoom) {
    const valid = Object.getPrototypeOf(layer)._isValidTile;
    layer._isValidTile = function isValidTile(coords) {
      if (!valid.call(this, coords)) return false;
      if (coords.z < fromZoom) return true;
      const tile = this._tileCoordsToBounds(coords);
      return !covers.some((bounds) => bounds.contains(tile));
    };
  }

  /**
   * Adds the vector tiles of the configuration at `configUrl` (`tiles`, which the app has
   * checked) to `map`. The file is the one the app has just read: the page's first download of
   * it (`hcmBootConfig`, boot-screen.js) when there was one, else the browser or the service
   * worker answers. If they cannot be shown, says why and calls `onError`.
   */
  function show(map, configUrl, onError) {
    // The markers are drawn first: the renderer's script and the first tiles keep the main
    // thread busy for a while on a phone.
    const markersDrawn = new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const config = () => Promise.resolve(globalThis.hcmBootConfig)
      .then((text) => text ?? fetch(configUrl).then((response) => response.text()))
      .then(JSON.parse);
    markersDrawn.then(() => Promise.all([config(), loadRenderer()])).then(([{ tiles }]) => {
      const { url, areas, precache } = tiles.vector;
      vectorTiles({
        url, precache, onError, attribution: tiles.attribution,
        areas: areas.map(({ bounds: b, max_zoom: maxZoom }) => ({ bounds: [[b.min_lat, b.min_lon], [b.max_lat, b.max_lon]], maxZoom })),
      }).addTo(map);
    }).catch((error) => {
      console.warn('vector tiles not drawn:', error);
      onError();
    });
  }

  /** Adds the renderer's script to the page once; resolves when it has run. */
  function loadRenderer() {
    return new Promise((resolve, reject) => {
      if (window.protomapsL) {
        resolve();
        return;
      }
      const script = document.createElement('script');
      script.src = RENDERER;
      script.onload = resolve;
      script.onerror = () => reject(new Error(`${RENDERER} did not load`));
      document.head.append(script);
    });
  }

  // `style` and `levelDiff` also tell tools/tiles/trim_tiles.mjs what the map draws.
  window.hcmVectorTiles = { show, layer: vectorTiles, palettes: PALETTES, style, levelDiff: LEVEL_DIFF };
})();
