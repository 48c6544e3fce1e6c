export default function Section() {
  return <p className="card">Здесь будет история изменений кабинета.</p>;
}
