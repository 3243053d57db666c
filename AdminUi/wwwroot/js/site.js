// Progressive enhancement only: every page works without this file.

// Timestamps arrive as UTC; show them in the admin's own time zone.
for (const time of document.querySelectorAll("time[datetime]")) {
  const date = new Date(time.dateTime);
  if (!Number.isNaN(date.getTime())) {
    time.title = time.textContent;
    time.textContent = date.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
  }
}

// Copy buttons stay hidden without JavaScript; the field they copy is selectable either way.
for (const button of document.querySelectorAll("button[data-copy]")) {
  button.hidden = false;
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    const text = field.value ?? field.textContent;
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      field.select?.();
      document.execCommand("copy");
    }
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => (button.textContent = label), 1500);
  });
}
