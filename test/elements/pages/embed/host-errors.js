// Loaded first by the embedding test pages: records what reaches the host's error handlers.
window.hostErrors = [];
window.onerror = (message) => {
  window.hostErrors.push(`error: ${message}`);
};
window.addEventListener('unhandledrejection', (event) => {
  window.hostErrors.push(`unhandledrejection: ${event.reason}`);
});
