// The host page listens to the widgets' answers (each widget answers on its own element).
const log = document.getElementById('log');
document.addEventListener('ansvarskollen:answer', (event) => {
  log.value = `${event.target.id}: ${event.detail.responsible} (${event.detail.organisation ? event.detail.organisation.name : 'ej fastställt'})`;
});
