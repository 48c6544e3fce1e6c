export default function Section() {
  return <p className="card">Здесь будут точки готовности, адрес официального сайта и генератор виджета.</p>;
}
