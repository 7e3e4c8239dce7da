// The baseline page's behaviour, written as a plain Leaflet page would be.
const map = L.map('map').setView([21.0285, 105.848], 13);
L.tileLayer('https://tile.openstreetmap.org/{z}/{x}/{y}.png', { maxZoom: 19 }).addTo(map);
const clusters = L.markerClusterGroup({ chunkedLoading: true });
map.addLayer(clusters);
let data = [];

function render(features) {
  clusters.clearLayers();
  const layer = L.geoJSON({ type: 'FeatureCollection', features }, {
    onEachFeature: (feature, marker) => marker.bindPopup(() => feature.properties.name.vi),
  });
  clusters.addLayers(layer.getLayers());
  document.getElementById('count').textContent = String(features.length);
  const list = document.getElementById('list');
  list.replaceChildren(...features.slice(0, 50).map((f) => {
    const item = document.createElement('li');
    item.textContent = f.properties.name.vi;
    return item;
  }));
}

function current() {
  const music = document.getElementById('music').checked;
  const q = document.getElementById('q').value.toLowerCase();
  return data.filter((f) =>
    (!music || f.properties.disciplines.includes('music')) &&
    (!q || f.properties.name.vi.toLowerCase().includes(q) || f.properties.name.en.toLowerCase().includes(q)));
}

document.getElementById('music').addEventListener('change', () => render(current()));
document.getElementById('q').addEventListener('input', () => render(current()));

fetch(new URLSearchParams(location.search).get('data'))
  .then((response) => response.json())
  .then((collection) => {
    data = collection.features.filter((f) => f.properties.status !== 'closed');
    render(data);
  });
