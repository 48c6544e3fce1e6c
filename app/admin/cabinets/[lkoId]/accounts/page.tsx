export default function Section() {
  return <p className="card">Здесь будут учётные записи кабинета.</p>;
}
