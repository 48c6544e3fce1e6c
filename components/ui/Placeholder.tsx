// A section that is being built: says so plainly instead of showing an empty page.
export function Placeholder({ title, text }: { title: string; text: string }) {
  return (
    <div className="space-y-4">
      <h1>{title}</h1>
      <p className="card">{text}</p>
    </div>
  );
}
