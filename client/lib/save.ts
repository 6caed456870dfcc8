// Hands a file made in the browser to the browser's download (the CSV and Excel exports).

export function saveFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  // The download has started by now; the URL is not needed afterwards.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
