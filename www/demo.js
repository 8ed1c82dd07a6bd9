// Demo: a host page using the answer event to show its own contact details.
const contact = document.getElementById('contact');
const text = document.getElementById('contact-text');
document.getElementById('vasteras').addEventListener('ansvarskollen:answer', (event) => {
  const a = event.detail;
  contact.hidden = false;
  text.textContent = a.responsible === 'kommun'
    ? `${a.organisation.name}: ring kommunens växel, 021-39 00 00 (exempel från värdsidan).`
    : a.responsible === 'region'
      ? `${a.organisation.name}: ring 1177 eller din vårdcentral (exempel från värdsidan).`
      : 'Fråga din vårdcentral eller kommunen (exempel från värdsidan).';
});
