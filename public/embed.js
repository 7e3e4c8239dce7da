// "Embed this map" (embed.html): the iframe code for the map as it was when this page was
// opened, whose link carries the map's filters, search and language, at the size chosen, with a
// preview. The page holds the texts and sizes in both languages (written by core::pages::embed);
// this script shows the part in the link's language and fills it in.
const params = new URLSearchParams(location.search);
const mapUrl = new URL('./', location.href).href;
const sections = [...document.querySelectorAll('section[lang]')];
const section = sections.find((s) => s.lang === params.get('lang')) ?? sections[0];
for (const other of sections) other.hidden = other !== section;
document.documentElement.lang = section.lang;
// One language shown: the page's title and heading in it alone, said once (the section keeps
// its name through aria-labelledby, which reads a hidden heading too).
const heading = section.querySelector('h2');
document.title = heading.textContent;
document.querySelector('h1').textContent = heading.textContent;
heading.hidden = true;

// The embedded map fits its own frame, so the view the person had is left out.
params.delete('view');
const back = new URLSearchParams(params);
back.delete('embed');
params.set('embed', '1');
const src = `${mapUrl}?${params}`;
section.querySelector('[data-back]').href = `${mapUrl}?${back}`;

const code = section.querySelector('textarea');
const status = section.querySelector('[role=status]');
const preview = section.querySelector('.preview');
const title = section.dataset.mapTitle;
const attribute = (text) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function show() {
  const { width, height } = section.querySelector('input[type=radio]:checked').dataset;
  code.value =
    `<iframe src="${attribute(src)}" width="${width}" height="${height}" style="border:0" ` +
    `title="${attribute(title)}" loading="lazy" allow="geolocation; clipboard-write"></iframe>`;
  status.textContent = '';
  let frame = preview.querySelector('iframe');
  if (!frame) {
    frame = document.createElement('iframe');
    frame.title = title;
    frame.src = src;
    preview.append(frame);
  }
  frame.width = width;
  frame.height = height;
}

section.addEventListener('change', show);
section.querySelector('[data-copy]').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText(code.value);
    status.textContent = status.dataset.copied;
  } catch {
    // Without the clipboard (an insecure origin, a refusal), the code is selected to copy by hand.
    code.focus();
    code.select();
  }
});
show();
